/**
 * Planner evaluation: runs the workflow's own story (in memory, no engine, no
 * database) over a matrix of realistic intakes with every planner a run may
 * meet, and measures the saved plans as a coach would read them
 * (tests/support/plan-quality.ts, the same measure the tests pin):
 *
 *   offline            the offline planner (the zero-configuration model),
 *                      two passes and one wave;
 *   careless models    the real Claude adapter (Anthropic SDK over loopback
 *                      HTTP) against the fake Messages API answering as a
 *                      careless model does (tests/support/careless-models.ts,
 *                      built from the raw candidates, never from balanced
 *                      days): usual portions; foods in listed order; dinner
 *                      at breakfast; drinks as meals; only starches; only
 *                      proteins; days far off their calories; the model's own
 *                      day numbers; and hostile dish titles throughout.
 *
 * Per plan: calorie error (mean / worst day), the worst macro miss before and
 * after `balance`, the share of items within 0.5x-2x of their usual portion
 * scaled to the day, items under 0.25x or over 3x, the share of meals meeting
 * their pattern (meal-patterns.ts judgeDay), diet / allergy / dislike
 * violations, foods changed per day by `balance`, distinct foods per week
 * (most, against the plan's bound), identical days; then each planner's 10
 * worst meals as text. Exits non-zero when any plan misses a target.
 *
 *   npm run eval:planner            the whole matrix, written to bench/results/
 *   npm run eval:planner -- --quick the first four intakes only
 *
 * Foods come from supabase/seed.sql, the catalogue production is seeded with.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { IntakeData } from "@/generation/intake/intake";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import type { ModelPort } from "@/generation/model/model-port";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { createClaudeModel } from "@/server/claude-model";
import { CARELESS_DESCRIPTIONS, CARELESS_KINDS, carelessResponder } from "../tests/support/careless-models";
import { startFakeAnthropic } from "../tests/support/fake-anthropic";
import {
  brokenRulesText,
  type MealReport,
  measurePlan,
  type PlannerKind,
  type PlanQuality,
  qualityFailures,
  WORST_MEALS_KEPT,
} from "../tests/support/plan-quality";
import { EVALUATION_DISLIKES, seedCatalogue, seedFoodIds } from "../tests/support/seed-catalogue";
import { runWorkflowInMemory } from "../tests/support/workflow-in-memory";

type Case = { label: string; days: number; intake: IntakeData };

const catalogue = seedCatalogue();

const MATRIX: Case[] = [
  { label: "1d omnivore 2000", days: 1, intake: { calorie_target: 2000 } },
  { label: "7d vegan 2000", days: 7, intake: { calorie_target: 2000, diet: ["vegan"] } },
  {
    label: "7d gluten-free 2200 4m",
    days: 7,
    intake: { calorie_target: 2200, diet: ["gluten_free"], meals_per_day: 4 },
  },
  {
    label: "7d nut allergy 2000 5m",
    days: 7,
    intake: { calorie_target: 2000, allergies: ["peanut", "tree_nut"], meals_per_day: 5 },
  },
  {
    label: "14d high-protein 2400 4m",
    days: 14,
    intake: { calorie_target: 2400, macro_split: { protein_pct: 40, carb_pct: 35, fat_pct: 25 }, meals_per_day: 4 },
  },
  { label: "14d vegetarian 1400", days: 14, intake: { calorie_target: 1400, diet: ["vegetarian"] } },
  { label: "28d omnivore 3800 6m", days: 28, intake: { calorie_target: 3800, meals_per_day: 6 } },
  {
    label: "28d vegan+GF 2200 4m",
    days: 28,
    intake: { calorie_target: 2200, diet: ["vegan", "gluten_free"], meals_per_day: 4 },
  },
  {
    label: "7d pesc HP 3800 no shellfish 5m",
    days: 7,
    intake: {
      calorie_target: 3800,
      diet: ["pescatarian"],
      allergies: ["shellfish"],
      macro_split: { protein_pct: 35, carb_pct: 40, fat_pct: 25 },
      meals_per_day: 5,
    },
  },
  { label: "28d DF no egg 1400", days: 28, intake: { calorie_target: 1400, diet: ["dairy_free"], allergies: ["egg"] } },
  {
    label: "7d vegan 40% protein 2200",
    days: 7,
    intake: { calorie_target: 2200, diet: ["vegan"], macro_split: { protein_pct: 40, carb_pct: 35, fat_pct: 25 } },
  },
  { label: "7d leftovers 2000 4m", days: 7, intake: { calorie_target: 2000, meals_per_day: 4, leftovers: true } },
  { label: "7d omnivore 3200 5m", days: 7, intake: { calorie_target: 3200, meals_per_day: 5 } },
  { label: "14d 20 foods a week 1800", days: 14, intake: { calorie_target: 1800, foods_per_week: 20 } },
  {
    label: "14d dislikes 6 families",
    days: 14,
    intake: {
      calorie_target: 2000,
      disliked_foods: seedFoodIds(EVALUATION_DISLIKES),
    },
  },
];

type Planner = { name: string; kind: PlannerKind; waves: "two" | "one"; model?: ModelPort };

type Row = {
  label: string;
  planner: string;
  calls: number;
  before?: PlanQuality;
  saved?: PlanQuality;
  failures: string[];
  error?: string;
};

/** Production's step budget: passes are chunked as they are on Netlify. */
const STEP_BUDGET_SECONDS = 20;

async function evaluate(testCase: Case, index: number, planner: Planner): Promise<Row> {
  const stored = { plan_length_days: testCase.days, intake_data: testCase.intake };
  const spec = resolvePlanSpec(stored, {});
  const row: Row = { label: testCase.label, planner: planner.name, calls: 0, failures: [] };
  try {
    const run = await runWorkflowInMemory({
      stored,
      catalogue,
      generationId: `eval-${index}`,
      waves: planner.waves,
      stepBudgetSeconds: STEP_BUDGET_SECONDS,
      ...(planner.model ? { model: planner.model } : {}),
    });
    const days = run.saved?.days ?? [];
    const dedup = run.steps.dedup as PlannedDay[] | undefined;
    row.calls = run.requests.length;
    row.before = measurePlan(dedup ?? [], undefined, spec, catalogue);
    row.saved = measurePlan(days, dedup, spec, catalogue);
    row.failures = qualityFailures(row.saved, planner.kind);
    if (days.length !== testCase.days) row.failures.push(`${days.length} of ${testCase.days} days saved`);
  } catch (error) {
    row.error = (error as Error).message;
    row.failures.push(`failed: ${row.error}`);
  }
  return row;
}

const fixed = (value: number | undefined, digits = 1) =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : "-";
const pct = (value: number | undefined) => (value === undefined ? "-" : `${(value * 100).toFixed(1)}`);

const HEADER = [
  "plan",
  "planner",
  "calls",
  "kcal % mean/worst",
  "macro pp worst: before → saved",
  "% items 0.5-2x",
  "<0.25x/>3x",
  "% meals on pattern",
  "viol diet/dislike",
  "changed/day",
  "distinct/week max (bound)",
  "identical days",
  "result",
];

function tableRow(row: Row): string[] {
  const saved = row.saved;
  return [
    row.label,
    row.planner,
    String(row.calls),
    `${fixed(saved?.meanKcalErrorPct, 2)} / ${fixed(saved?.worstKcalErrorPct, 2)}`,
    `${fixed(row.before?.worstMacroPoints)} → ${fixed(saved?.worstMacroPoints)}`,
    pct(saved?.naturalShare),
    String(saved?.outsideHardItems ?? "-"),
    pct(saved?.mealPatternShare),
    `${saved?.restrictionViolations ?? "-"} / ${saved?.dislikeViolations ?? "-"}`,
    `${fixed(saved?.meanChangedFoods, 2)}${saved?.metBeforeBalance ? " (met)" : ""}`,
    saved ? `${saved.maxDistinctPerWeek} (${saved.foodsPerWeek})` : "-",
    saved
      ? `${saved.identicalDays}${saved.leftovers ? ` (leftovers; lunches not the dinner before: ${saved.leftoverLunchesMissed})` : ""}`
      : "-",
    row.failures.length === 0 ? "ok" : `FAIL: ${row.failures.join("; ")}`,
  ];
}

/** The planner's worst meals over all its plans, most rules broken first, each with its plan. */
function worstMeals(rows: readonly Row[]): string[] {
  const meals: (MealReport & { plan: string })[] = rows.flatMap((row) =>
    (row.saved?.worstMeals ?? []).map((meal) => ({ ...meal, plan: `${row.label}, ${row.planner}` })),
  );
  if (meals.length === 0) return ["none: every meal meets its pattern"];
  return meals
    .sort((a, b) => b.rules.length - a.rules.length)
    .slice(0, WORST_MEALS_KEPT)
    .map((meal) => `${meal.plan}: ${meal.text}`);
}

function markdownTable(rows: readonly Row[]): string {
  const lines = [`| ${HEADER.join(" | ")} |`, `|${HEADER.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${tableRow(row).join(" | ")} |`);
  return lines.join("\n");
}

function summary(rows: readonly Row[]): string {
  const measured = rows.flatMap((row) => (row.saved ? [row.saved] : []));
  const items = measured.flatMap((quality) => quality.days);
  const totalItems = items.reduce((sum, day) => sum + day.items, 0);
  const natural = items.reduce((sum, day) => sum + day.naturalItems, 0);
  const meals = measured.reduce((sum, quality) => sum + quality.meals, 0);
  const meeting = measured.reduce((sum, quality) => sum + quality.mealsMeetingPattern, 0);
  const broken: PlanQuality["brokenRules"] = {};
  for (const quality of measured) {
    for (const [rule, count] of Object.entries(quality.brokenRules) as [keyof typeof broken, number][]) {
      broken[rule] = (broken[rule] ?? 0) + count;
    }
  }
  const met = measured.filter((quality) => quality.metBeforeBalance);
  return [
    `plans: ${rows.length}, failed to generate: ${rows.filter((row) => row.error).length}, missing a target: ${rows.filter((row) => row.failures.length > 0).length}`,
    `days: ${items.length}; worst day kcal error ${fixed(Math.max(0, ...measured.map((q) => q.worstKcalErrorPct)), 2)} %, worst macro miss ${fixed(Math.max(0, ...measured.map((q) => q.worstMacroPoints)))} points`,
    `items: ${totalItems}; within 0.5x-2x ${pct(natural / Math.max(1, totalItems))} %; under 0.25x or over 3x: ${items.reduce((sum, day) => sum + day.outsideHardItems, 0)}`,
    `meals: ${meals}; meeting their pattern: ${meeting} (${pct(meeting / Math.max(1, meals))} %); broken rules: ${brokenRulesText({ brokenRules: broken }) || "none"}`,
    `distinct foods per week: most ${Math.max(0, ...measured.map((q) => q.maxDistinctPerWeek))}, plans over their bound ${measured.filter((q) => q.maxDistinctPerWeek > q.foodsPerWeek).length}; identical days (no leftovers asked) ${measured.filter((q) => !q.leftovers).reduce((sum, q) => sum + q.identicalDays, 0)}; meal texts with a link or markup ${measured.reduce((sum, q) => sum + q.unsafeTexts, 0)}`,
    `violations: diet/allergy ${items.reduce((sum, day) => sum + day.restrictionViolations, 0)}, dislikes ${items.reduce((sum, day) => sum + day.dislikeViolations, 0)}`,
    `plans already on their macros before balance: ${met.length}, foods changed per day on them: mean ${fixed(met.reduce((sum, q) => sum + q.meanChangedFoods, 0) / Math.max(1, met.length), 2)}, worst plan ${fixed(Math.max(0, ...met.map((q) => q.meanChangedFoods)), 2)}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const matrix = quick ? MATRIX.slice(0, 4) : MATRIX;
  console.log(`Planner evaluation: ${catalogue.length} foods from supabase/seed.sql, ${matrix.length} intakes`);
  const sections: { title: string; rows: Row[] }[] = [];

  const offline: Row[] = [];
  for (const [index, testCase] of matrix.entries()) {
    for (const waves of ["two", "one"] as const) {
      offline.push(await evaluate(testCase, index, { name: `offline, ${waves}`, kind: "offline", waves }));
    }
  }
  sections.push({ title: "Offline planner", rows: offline });

  for (const kind of CARELESS_KINDS) {
    const fake = await startFakeAnthropic({ responder: carelessResponder(kind) });
    const rows: Row[] = [];
    try {
      const model = createClaudeModel({ apiKey: "eval-key", baseURL: fake.baseURL, timeoutMs: 60_000 });
      for (const [index, testCase] of matrix.entries()) {
        rows.push(await evaluate(testCase, index, { name: kind, kind: "careless", waves: "two", model }));
      }
    } finally {
      await fake.close();
    }
    sections.push({ title: `Careless model "${kind}": ${CARELESS_DESCRIPTIONS[kind]}`, rows });
  }

  const report = [
    `# Planner evaluation, ${new Date().toISOString()}`,
    "",
    `\`npm run eval:planner\`${quick ? " -- --quick" : ""}`,
    "",
    ...sections.flatMap(({ title, rows }) => [
      `## ${title}`,
      "",
      markdownTable(rows),
      "",
      summary(rows),
      "",
      `Worst meals (${WORST_MEALS_KEPT} at most):`,
      "",
      ...worstMeals(rows).map((meal) => `- ${meal}`),
      "",
    ]),
    "## All plans",
    "",
    summary(sections.flatMap((section) => section.rows)),
    "",
    "kcal %: |day kcal / target - 1|, mean over the plan's days / worst day. macro pp worst: the largest |actual - target|",
    "energy share of any macro on any day, as `dedup` left the days (before) and as saved. % items 0.5-2x: items within",
    "0.5x-2x of their food's usual portion scaled to the day (portionScale). % meals on pattern: meals breaking none",
    "of their pattern's rules (meal-patterns.ts judgeDay). viol: items breaking the diet or allergies / disliked foods",
    "(or their families), against the whole catalogue. changed/day: foods added plus foods removed by `balance`, mean",
    "per day ((met): every day was within the macro tolerance before balance). distinct/week max (bound): most distinct",
    "foods in a week (days 1-7, 8-14, ...) and the plan's foods_per_week. identical days: days with the same foods at",
    "the same meals as an earlier day of their week (allowed only with leftovers).",
  ].join("\n");
  console.log(report);
  if (!quick) {
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/eval-planner-${new Date().toISOString().slice(0, 19).replaceAll(":", "")}.md`;
    writeFileSync(file, `${report}\n`);
    console.log(`\nwritten to ${file}`);
  }
  const failed = sections.flatMap((section) => section.rows).filter((row) => row.failures.length > 0);
  if (failed.length > 0) {
    console.error(`\n${failed.length} plan(s) missed a target`);
    process.exit(1);
  }
}

await main();
