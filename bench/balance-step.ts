// npm run bench:balance — how long does the `balance` step take for a 28-day plan?
//
// Builds 28-day plans with the workflow's own story (in memory, offline
// planner) and times balanceDays, the step's whole work, on the days as
// `dedup` hands them over: once as planned, once "careless" (every item at
// its usual portion, then scaled to the calories as the scale step would, the
// input a model that does not compute grams produces). The solver settings
// the code uses (dual simplex, no presolve) and HiGHS's own choice are timed
// in alternating rounds in the same process, so their ratio is fair even on
// a busy machine. Target: < 1 s per 28-day plan. Bounded: a fixed number of
// rounds; nothing listens on the network. Results go to bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, hostname, loadavg } from "node:os";
import { balanceDays } from "@/generation/adjust/balance-day";
import { DEFAULT_SOLVER_OPTIONS, loadLinearProgramSolver } from "@/generation/adjust/linear-program";
import { scaleCalories } from "@/generation/adjust/scale-calories";
import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import type { IntakeData } from "@/generation/intake/intake";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { seedCatalogue } from "../tests/support/seed-catalogue";
import { runWorkflowInMemory } from "../tests/support/workflow-in-memory";

const ROUNDS = 15;
const INTAKES: { label: string; intake: IntakeData }[] = [
  { label: "28d omnivore 3800 6m", intake: { calorie_target: 3800, meals_per_day: 6 } },
  { label: "28d vegan+GF 2200 4m", intake: { calorie_target: 2200, diet: ["vegan", "gluten_free"], meals_per_day: 4 } },
  {
    label: "28d high-protein 2400 4m",
    intake: { calorie_target: 2400, macro_split: { protein_pct: 40, carb_pct: 35, fat_pct: 25 }, meals_per_day: 4 },
  },
];

const coldStart = performance.now();
await loadLinearProgramSolver();
const coldLoadMs = performance.now() - coldStart;

const catalogue = seedCatalogue();
const foods = indexFoodsById(catalogue);
const simplex = await loadLinearProgramSolver(DEFAULT_SOLVER_OPTIONS);
const highsChoice = await loadLinearProgramSolver({ solver: "choose", presolve: "choose" });

type Case = {
  label: string;
  days: PlannedDay[];
  spec: ReturnType<typeof resolvePlanSpec>;
  candidates: CatalogueFood[];
};
const cases: Case[] = [];
for (const { label, intake } of INTAKES) {
  const stored = { plan_length_days: 28, intake_data: intake };
  const spec = resolvePlanSpec(stored, {});
  const run = await runWorkflowInMemory({ stored, catalogue, generationId: `bench-${label}` });
  const candidates = [...(run.passes[0]?.candidates ?? [])];
  const planned = run.steps.dedup as PlannedDay[];
  cases.push({ label: `${label}, as planned`, days: planned, spec, candidates });
  const usual = planned.map((day) => ({
    day: day.day,
    meals: day.meals.map((meal) => ({
      name: meal.name,
      items: meal.items.map((item) => {
        const food = foods.get(item.food_id) as CatalogueFood;
        return plannedItem(food, food.default_portion_g);
      }),
    })),
  }));
  const scaled = scaleCalories(usual, foods, spec.calorieTarget);
  if (!scaled.ok) throw new Error(scaled.error.message);
  cases.push({ label: `${label}, careless`, days: scaled.days, spec, candidates });
}

const timings = new Map<string, { simplex: number[]; choice: number[] }>();
for (let round = 0; round < ROUNDS; round++) {
  for (const testCase of cases) {
    const entry = timings.get(testCase.label) ?? { simplex: [], choice: [] };
    timings.set(testCase.label, entry);
    // Alternate which setting goes first, so neither always runs on a warmer cache.
    const order = round % 2 === 0 ? (["simplex", "choice"] as const) : (["choice", "simplex"] as const);
    for (const setting of order) {
      const start = performance.now();
      await balanceDays(testCase.days, foods, testCase.spec, {
        candidates: testCase.candidates,
        restrictions: testCase.spec,
        solver: setting === "simplex" ? simplex : highsChoice,
      });
      entry[setting].push(performance.now() - start);
    }
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const lines = [
  `# balance step, 28-day plans (${new Date().toISOString()})`,
  "",
  `machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" / ")} at the end, Node ${process.version}`,
  `command: npm run bench:balance; ${ROUNDS} rounds, settings alternated within each round`,
  `HiGHS WebAssembly load (once per process): ${coldLoadMs.toFixed(0)} ms`,
  "",
  "| plan (28 days) | simplex, no presolve: median / p90 ms | HiGHS's choice: median / p90 ms | choice ÷ simplex (medians) |",
  "| --- | --- | --- | --- |",
  ...[...timings].map(([label, entry]) => {
    const simplexMedian = quantile(entry.simplex, 0.5);
    const choiceMedian = quantile(entry.choice, 0.5);
    return `| ${label} | ${simplexMedian.toFixed(0)} / ${quantile(entry.simplex, 0.9).toFixed(0)} | ${choiceMedian.toFixed(0)} / ${quantile(entry.choice, 0.9).toFixed(0)} | ${(choiceMedian / simplexMedian).toFixed(2)} |`;
  }),
  "",
  "Target: the whole balance step for a 28-day plan < 1 s (the simplex column is what the workflow runs).",
];
const report = lines.join("\n");
console.log(report);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
const file = new URL(
  `./results/balance-step-${new Date().toISOString().slice(0, 10)}-${hostname()}.md`,
  import.meta.url,
);
writeFileSync(file, `${report}\n`);
console.log(`\nwritten to ${file.pathname}`);
