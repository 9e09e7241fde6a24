/**
 * Offline planner evaluation: runs the workflow's own handler (in memory, no
 * engine, no database) with the offline model over a matrix of
 * realistic intakes and prints, per plan, how well the saved days meet the
 * rules. Exits non-zero if any plan breaks a diet or allergy, fails to
 * generate, or has a day outside the 3 % calorie rule.
 *
 *   npm run eval:planner
 *
 * Foods come from supabase/seed.sql, the catalogue production is seeded with.
 */
import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import { restrictionViolations } from "@/generation/catalogue/food-restrictions";
import type { IntakeData } from "@/generation/intake/intake";
import { resolvePlanSpec } from "@/generation/intake/resolve-plan-spec";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { macroError } from "@/generation/nutrition/macros";
import { usedFoodIds } from "@/generation/nutrition/planned-day";
import { seedCatalogue } from "../tests/support/seed-catalogue";
import { type InMemoryRun, runWorkflowInMemory } from "../tests/support/workflow-in-memory";

type Case = { label: string; days: number; intake: IntakeData };

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
];

type Waves = "two" | "one";

/** Production's step budget: passes chunked as they are on Netlify, so one wave is compared as it runs. */
const STEP_BUDGET_SECONDS = 20;
/** One wave must keep the two-pass plan's variety: distinct foods per 7 days within this share. */
const VARIETY_TOLERANCE = 0.1;

type Row = {
  label: string;
  waves: Waves;
  calls: number;
  distinctMean: number;
  foods: number;
  meanKcalErr: number;
  worstKcalErr: number;
  meanMacroErr: number;
  distinctPer7: string;
  violations: number;
  dedupDrops: number;
  maxPassOutTokens: number;
  maxTokens: number;
  error?: string;
};

async function evaluate(
  testCase: Case,
  catalogue: readonly CatalogueFood[],
  index: number,
  waves: Waves,
): Promise<Row> {
  const stored = { plan_length_days: testCase.days, intake_data: testCase.intake };
  const spec = resolvePlanSpec(stored, {});
  const base: Row = {
    label: testCase.label,
    waves,
    calls: 0,
    distinctMean: Number.NaN,
    foods: 0,
    meanKcalErr: Number.NaN,
    worstKcalErr: Number.NaN,
    meanMacroErr: Number.NaN,
    distinctPer7: "-",
    violations: 0,
    dedupDrops: 0,
    maxPassOutTokens: 0,
    maxTokens: 0,
  };
  let run: InMemoryRun;
  try {
    run = await runWorkflowInMemory({
      stored,
      catalogue,
      generationId: `eval-${index}`,
      waves,
      stepBudgetSeconds: STEP_BUDGET_SECONDS,
    });
  } catch (error) {
    return { ...base, error: (error as Error).message };
  }
  const days = run.saved?.days ?? [];
  const logged = (message: string) =>
    run.logs.filter((entry) => entry.message === message).map((entry) => entry.fields);
  const removedByPasses = logged("removed foods the plan may not contain").reduce(
    (sum, fields) => sum + Number(fields.unknownFood ?? 0) + Number(fields.restrictedFood ?? 0),
    0,
  );
  const dedupDrops = logged("removed repeated foods")
    .flatMap((fields) => fields.dropped as { count: number }[])
    .reduce((sum, entry) => sum + entry.count, 0);

  // Check the saved days against the full catalogue (not the candidate list), as a coach would.
  const everyFood = indexFoodsById(catalogue);
  let violations = removedByPasses;
  for (const item of days.flatMap((day) => day.meals.flatMap((meal) => meal.items))) {
    const food = everyFood.get(item.food_id);
    if (!food || restrictionViolations(food, spec).length > 0) violations += 1;
  }

  const kcalErrors = days.map((day) => Math.abs(dayTotals(day).kcal / spec.calorieTarget - 1) * 100);
  // Mean error per macro, in points (macroError sums the three).
  const macroErrors = days.map((day) => macroError(dayTotals(day), spec.macroSplit) / 3);
  const weeks: number[] = [];
  for (let start = 0; start < days.length; start += 7) {
    weeks.push(usedFoodIds(days.slice(start, start + 7)).length);
  }
  return {
    ...base,
    calls: run.requests.length,
    distinctMean: mean(weeks),
    foods: run.passes[0]?.candidates.length ?? 0,
    meanKcalErr: mean(kcalErrors),
    worstKcalErr: Math.max(...kcalErrors),
    meanMacroErr: mean(macroErrors),
    distinctPer7: days.length < 7 ? `${weeks[0]} (${days.length}d)` : `${Math.round(mean(weeks))}`,
    violations,
    dedupDrops,
    maxPassOutTokens: Math.max(...run.replies.map((reply) => reply.usage.outputTokens)),
    maxTokens: Math.max(...run.requests.map((request) => request.maxTokens)),
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

// ---------------------------------------------------------------------------

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

async function main(): Promise<void> {
  const foods = seedCatalogue();
  console.log(`Offline planner evaluation: ${foods.length} foods from supabase/seed.sql\n`);
  const header = [
    pad("plan", 32),
    pad("waves", 5),
    pad("calls", 5, true),
    pad("cands", 5, true),
    pad("kcal err mean", 13, true),
    pad("worst", 6, true),
    pad("macro err pp", 12, true),
    pad("distinct/7d", 11, true),
    pad("violations", 10, true),
    pad("dedup", 5, true),
    pad("pass out tok/max", 16, true),
  ].join("  ");
  console.log(header);
  console.log("-".repeat(header.length));
  let failed = 0;
  for (const [index, testCase] of MATRIX.entries()) {
    const rows = [await evaluate(testCase, foods, index, "two"), await evaluate(testCase, foods, index, "one")];
    const [twoPass, oneWave] = rows;
    for (const row of rows) {
      const bad = row.error !== undefined || row.violations > 0 || !(row.worstKcalErr <= 3);
      if (bad) failed += 1;
      printRow(row);
    }
    if (twoPass && oneWave && oneWave.distinctMean < twoPass.distinctMean * (1 - VARIETY_TOLERANCE)) {
      failed += 1;
      console.log(`  ^ one wave has less variety than two passes (more than ${VARIETY_TOLERANCE * 100} % fewer foods)`);
    }
  }
  console.log(
    `\nwaves: two = the seed's passes, one = variety planned up front (GENERATION_WAVES=one); both chunked to a ${STEP_BUDGET_SECONDS} s step budget.` +
      "\nkcal err: |day kcal / target - 1| after scale+dedup; macro err: mean |actual - target| of protein/carb/fat energy %, in points;" +
      "\ndistinct/7d: distinct foods per 7-day block (one wave must stay within 10 % of two passes); violations: items breaking diet/allergy or outside the catalogue (must be 0);" +
      "\npass out tok: largest call's answer at 4 chars/token (Claude's tokenizer counts UUID-heavy JSON denser) vs its max_tokens.",
  );
  if (failed > 0) {
    console.error(`\n${failed} plan(s) failed`);
    process.exit(1);
  }
}

function printRow(row: Row): void {
  console.log(
    [
      pad(row.label, 32),
      pad(row.waves, 5),
      pad(String(row.calls), 5, true),
      pad(String(row.foods), 5, true),
      pad(`${row.meanKcalErr.toFixed(2)}%`, 13, true),
      pad(`${row.worstKcalErr.toFixed(2)}%`, 6, true),
      pad(row.meanMacroErr.toFixed(1), 12, true),
      pad(row.distinctPer7, 11, true),
      pad(String(row.violations), 10, true),
      pad(String(row.dedupDrops), 5, true),
      pad(`${row.maxPassOutTokens}/${row.maxTokens}`, 16, true),
    ].join("  ") + (row.error ? `  ERROR: ${row.error}` : ""),
  );
}

await main();
