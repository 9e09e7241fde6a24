// npm run bench:balance — how long does the `balance` step take for a 28-day plan?
//
// Builds 28-day plans with the workflow's own story (in memory) and times
// balanceDays, the step's whole work, on the days as `dedup` hands them over:
// as the offline planner planned them (already on target: the fast path), as
// a careless model answers (tests/support/careless-models.ts, in process:
// usual portions; meals filled from the candidate list in order, the worst
// case, where most days need foods dropped and brought in). The solver
// settings the code uses (a 1 % MIP gap) and HiGHS's own default gap are timed
// in alternating rounds in the same process, so their ratio is fair even on a
// busy machine. Target: < 1 s median per 28-day plan. Bounded: a fixed number
// of rounds; nothing listens on the network. Results go to bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, hostname, loadavg } from "node:os";
import { balanceDays } from "@/generation/adjust/balance-day";
import { DEFAULT_SOLVER_OPTIONS, loadLinearProgramSolver } from "@/generation/adjust/linear-program";
import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import type { IntakeData } from "@/generation/intake/intake";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { type CarelessKind, carelessModel } from "../tests/support/careless-models";
import { seedCatalogue } from "../tests/support/seed-catalogue";
import { runWorkflowInMemory } from "../tests/support/workflow-in-memory";

const ROUNDS = 7;
const INTAKES: { label: string; intake: IntakeData }[] = [
  { label: "28d omnivore 3800 6m", intake: { calorie_target: 3800, meals_per_day: 6 } },
  { label: "28d vegan+GF 2200 4m", intake: { calorie_target: 2200, diet: ["vegan", "gluten_free"], meals_per_day: 4 } },
  {
    label: "28d high-protein 2400 4m",
    intake: { calorie_target: 2400, macro_split: { protein_pct: 40, carb_pct: 35, fat_pct: 25 }, meals_per_day: 4 },
  },
];
const PLANNERS: { label: string; careless?: CarelessKind }[] = [
  { label: "offline planner" },
  { label: "careless, usual portions", careless: "usual-portions" },
  { label: "careless, list order", careless: "list-order" },
];

const coldStart = performance.now();
await loadLinearProgramSolver();
const coldLoadMs = performance.now() - coldStart;

const catalogue = seedCatalogue();
const foods = indexFoodsById(catalogue);
const chosen = await loadLinearProgramSolver(DEFAULT_SOLVER_OPTIONS);
const tightGap = await loadLinearProgramSolver({
  ...DEFAULT_SOLVER_OPTIONS,
  mipRelativeGap: 1e-4,
  mipAbsoluteGap: 1e-6,
});

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
  for (const planner of PLANNERS) {
    const run = await runWorkflowInMemory({
      stored,
      catalogue,
      generationId: `bench-${label}`,
      ...(planner.careless ? { model: carelessModel(planner.careless) } : {}),
    });
    const candidates = [...(run.passes[0]?.candidates ?? [])];
    cases.push({ label: `${label}, ${planner.label}`, days: run.steps.dedup as PlannedDay[], spec, candidates });
  }
}

const timings = new Map<string, { chosen: number[]; tight: number[] }>();
for (let round = 0; round < ROUNDS; round++) {
  for (const testCase of cases) {
    const entry = timings.get(testCase.label) ?? { chosen: [], tight: [] };
    timings.set(testCase.label, entry);
    // Alternate which setting goes first, so neither always runs on a warmer cache.
    const order = round % 2 === 0 ? (["chosen", "tight"] as const) : (["tight", "chosen"] as const);
    for (const setting of order) {
      const start = performance.now();
      await balanceDays(testCase.days, foods, testCase.spec, {
        candidates: testCase.candidates,
        restrictions: testCase.spec,
        solver: setting === "chosen" ? chosen : tightGap,
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
  "| plan (28 days) | gap in use (1 % or one portion): median / p90 ms | gap 0.01 %: median / p90 ms | 0.01 % ÷ in use (medians) |",
  "| --- | --- | --- | --- |",
  ...[...timings].map(([label, entry]) => {
    const chosenMedian = quantile(entry.chosen, 0.5);
    const tightMedian = quantile(entry.tight, 0.5);
    return `| ${label} | ${chosenMedian.toFixed(0)} / ${quantile(entry.chosen, 0.9).toFixed(0)} | ${tightMedian.toFixed(0)} / ${quantile(entry.tight, 0.9).toFixed(0)} | ${(tightMedian / chosenMedian).toFixed(2)} |`;
  }),
  "",
  "Target: the whole balance step for a 28-day plan < 1 s median (the gap-in-use column is what the workflow runs).",
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
