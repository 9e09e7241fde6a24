// npm run bench:balance — how long does the `balance` step take for a 28-day plan?
//
// Builds 28-day plans with the workflow's own story (in memory) and times
// balanceDays, the step's whole work, on the days exactly as `dedup` hands them
// over, with the options the step passes (src/inngest/story/story-steps.ts adjustDays:
// the run's candidates, the plan's restrictions, the generation config,
// foodsPerWeek and leftovers; foods indexed from the candidates; the default
// solver). Planners: the offline planner and every careless model kind
// (CARELESS_KINDS, tests/support/careless-models.ts, in process), each over
// three intakes.
//
// Per plan and round:
// - the whole step: balanceDays on all 28 days, once;
// - each day: balanceDays on a ONE-DAY SLICE of the same days, with the same
//   options plus `menuOfWeek` returning the menu the whole-plan call draws
//   for that week (weekMenuFromDays over the week's days, as balanceDays does
//   itself), so a day is solved against the same menu as in the step. What a
//   slice leaves out: the leftover lunch (off unless the intake asks; none of
//   these does) and the re-solves of a day repeating an earlier day of its
//   week (up to 4 more solves; these count in the whole-step figure only).
// A day's figure is its median over the rounds; the table gives the median
// and the worst day of each plan. The budget is the step budget the project
// sizes every step at (inngest.config.ts stepBudget.defaultSeconds, 20 s:
// Netlify's older 26 s function limit less the checkpoint margin).
// Bounded: ROUNDS rounds; nothing listens on the network. Results go to
// bench/results/balance-step-<date>.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, hostname, loadavg } from "node:os";
import { balanceDays, type PlanBalanceOptions } from "@/generation/adjust/balance-plan";
import { loadLinearProgramSolver } from "@/generation/adjust/linear-program";
import { type CatalogueFood, indexFoodsById, uniqueFoods } from "@/generation/catalogue/catalogue";
import { fitsRestrictions, planRestrictions } from "@/generation/catalogue/food-restrictions";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import type { IntakeData } from "@/generation/intake/intake";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import { weekMenuFromDays, weekOf } from "@/generation/meals/week-menu";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { inngestConfig } from "../inngest.config";
import { CARELESS_KINDS, type CarelessKind, carelessModel } from "../tests/support/careless-models";
import { seedCatalogue } from "../tests/support/seed-catalogue";
import { runWorkflowInMemory } from "../tests/support/workflow-in-memory";

const ROUNDS = 3;
const BUDGET_MS = inngestConfig.stepBudget.defaultSeconds * 1000;
const INTAKES: { label: string; intake: IntakeData }[] = [
  { label: "omnivore 3800 6m", intake: { calorie_target: 3800, meals_per_day: 6 } },
  { label: "vegan+GF 2200 4m", intake: { calorie_target: 2200, diet: ["vegan", "gluten_free"], meals_per_day: 4 } },
  {
    label: "high-protein 2400 4m",
    intake: { calorie_target: 2400, macro_split: { protein_pct: 40, carb_pct: 35, fat_pct: 25 }, meals_per_day: 4 },
  },
];
const PLANNERS: { label: string; careless?: CarelessKind }[] = [
  { label: "offline planner" },
  ...CARELESS_KINDS.map((kind) => ({ label: `careless ${kind}`, careless: kind })),
];

const coldStart = performance.now();
await loadLinearProgramSolver();
const coldLoadMs = performance.now() - coldStart;

const catalogue = seedCatalogue();
const config = DEFAULT_GENERATION_CONFIG;

type Case = {
  label: string;
  days: PlannedDay[];
  foods: ReturnType<typeof indexFoodsById>;
  spec: ReturnType<typeof resolvePlanSpec>;
  options: PlanBalanceOptions;
  menuOfWeek: (week: number) => CatalogueFood[];
};
const cases: Case[] = [];
const unreached: string[] = [];
for (const { label, intake } of INTAKES) {
  const stored = { plan_length_days: 28, intake_data: intake };
  const spec = resolvePlanSpec(stored, {}, config);
  const restrictions = planRestrictions(spec, catalogue);
  for (const planner of PLANNERS) {
    let run: Awaited<ReturnType<typeof runWorkflowInMemory>>;
    try {
      run = await runWorkflowInMemory({
        stored,
        catalogue,
        generationId: `bench-${label}`,
        ...(planner.careless ? { model: carelessModel(planner.careless) } : {}),
      });
    } catch (error) {
      // The run stops before `balance` (a model step refuses the answer): no step to time.
      unreached.push(`${label}, ${planner.label}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const candidates = [...(run.passes[0]?.candidates ?? [])];
    const days = run.steps.dedup as PlannedDay[];
    // The step's options (story/story-steps.ts adjustDays).
    const options: PlanBalanceOptions = {
      candidates,
      restrictions,
      config,
      foodsPerWeek: spec.foodsPerWeek,
      leftovers: spec.leftovers,
    };
    // The menu balanceDays draws for each week of the whole plan, for the one-day slices.
    const allowed = uniqueFoods(candidates).filter((food) => fitsRestrictions(food, restrictions));
    const menus = new Map<number, CatalogueFood[]>();
    const menuOfWeek = (week: number) => {
      if (!menus.has(week)) {
        const ofWeek = days.filter((day) => weekOf(day.day) === week);
        menus.set(week, weekMenuFromDays(ofWeek, allowed, week, spec.foodsPerWeek));
      }
      return menus.get(week) as CatalogueFood[];
    };
    cases.push({
      label: `${label}, ${planner.label}`,
      days,
      foods: indexFoodsById(candidates),
      spec,
      options,
      menuOfWeek,
    });
  }
}

const whole = new Map<string, number[]>();
const perDay = new Map<string, number[][]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const testCase of cases) {
    const { days, foods, spec, options } = testCase;
    const start = performance.now();
    await balanceDays(days, foods, spec, options);
    whole.set(testCase.label, [...(whole.get(testCase.label) ?? []), performance.now() - start]);
    const dayTimes = perDay.get(testCase.label) ?? days.map(() => []);
    perDay.set(testCase.label, dayTimes);
    for (const [index, day] of days.entries()) {
      const dayStart = performance.now();
      await balanceDays([day], foods, spec, { ...options, menuOfWeek: testCase.menuOfWeek });
      dayTimes[index]?.push(performance.now() - dayStart);
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const rows = cases.map(({ label }) => {
  const steps = whole.get(label) ?? [];
  const days = (perDay.get(label) ?? []).map(median);
  const worstStep = Math.max(...steps);
  return {
    label,
    text: `| ${label} | ${median(steps).toFixed(0)} / ${worstStep.toFixed(0)} | ${median(days).toFixed(1)} | ${Math.max(...days).toFixed(1)} | ${worstStep < BUDGET_MS ? "yes" : `**NO** (${(worstStep / 1000).toFixed(1)} s)`} |`,
    over: worstStep >= BUDGET_MS,
  };
});
const lines = [
  `# balance step, 28-day plans (${new Date().toISOString()})`,
  "",
  `machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" / ")} at the end, Node ${process.version}`,
  `command: npm run bench:balance; ${ROUNDS} rounds; per day: balanceDays on one-day slices (header of bench/balance-step.ts)`,
  `HiGHS WebAssembly load (once per process): ${coldLoadMs.toFixed(0)} ms`,
  `step budget: ${BUDGET_MS / 1000} s (inngest.config.ts stepBudget.defaultSeconds)`,
  "",
  `| plan (28 days) | whole step: median / worst ms (${ROUNDS} rounds) | per day: median ms | per day: worst ms | worst step within ${BUDGET_MS / 1000} s |`,
  "| --- | --- | --- | --- | --- |",
  ...rows.map((row) => row.text),
  "",
  rows.some((row) => row.over)
    ? `Over the ${BUDGET_MS / 1000} s step budget: ${rows
        .filter((row) => row.over)
        .map((row) => row.label)
        .join("; ")}.`
    : `Every 28-day balance step timed stayed within the ${BUDGET_MS / 1000} s step budget.`,
  ...(unreached.length > 0
    ? ["", "Plans that never reach `balance` (the run fails at a model step):", ...unreached.map((line) => `- ${line}`)]
    : []),
];
const report = lines.join("\n");
console.log(report);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
const file = new URL(`./results/balance-step-${new Date().toISOString().slice(0, 10)}.md`, import.meta.url);
writeFileSync(file, `${report}\n`);
console.log(`\nwritten to ${file.pathname}`);
