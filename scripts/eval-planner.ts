/**
 * Offline planner evaluation: runs the whole pure generation pipeline (the
 * workflow's steps without I/O) with the offline model over a matrix of
 * realistic intakes and prints, per plan, how well the saved days meet the
 * rules. Exits non-zero if any plan breaks a diet or allergy, fails to
 * generate, or has a day outside the 3 % calorie rule.
 *
 *   npx tsx scripts/eval-planner.ts [--catalogue path/to/seed.sql|foods.json]
 *
 * Foods come from supabase/seed.sql when it exists (its `insert into
 * public.foods` VALUES rows, ids assigned in order), else from the test
 * fixture tests/fixtures/catalogue.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildPassRequest } from "../src/generation/build-pass-request";
import { type CatalogueFood, CatalogueFoodSchema, indexFoodsById } from "../src/generation/catalogue";
import { checkPassDays } from "../src/generation/check-pass-days";
import { dayTotals, macroPercentages } from "../src/generation/day-totals";
import { dedupThenRescale } from "../src/generation/dedup-foods";
import { restrictionViolations } from "../src/generation/food-restrictions";
import type { IntakeData } from "../src/generation/intake";
import { createOfflineModel } from "../src/generation/offline-model";
import { parseModelReply } from "../src/generation/parse-model-reply";
import { type PlannedDay, usedFoodIds } from "../src/generation/planned-day";
import { resolvePlanSpec } from "../src/generation/resolve-plan-spec";
import { sanitizePlan } from "../src/generation/sanitize-plan";
import { scaleCalories } from "../src/generation/scale-calories";
import { selectCandidates } from "../src/generation/select-candidates";
import { splitPasses } from "../src/generation/split-passes";

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

type Row = {
  label: string;
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

async function evaluate(testCase: Case, catalogue: readonly CatalogueFood[], index: number): Promise<Row> {
  const spec = resolvePlanSpec({ plan_length_days: testCase.days, intake_data: testCase.intake }, {});
  const candidates = selectCandidates(catalogue, spec, { seed: `eval-${index}` });
  const model = createOfflineModel();
  const passes = splitPasses(spec.days);
  const planned: PlannedDay[] = [];
  let maxPassOutTokens = 0;
  let maxTokens = 0;
  const base: Row = {
    label: testCase.label,
    foods: candidates.length,
    meanKcalErr: Number.NaN,
    worstKcalErr: Number.NaN,
    meanMacroErr: Number.NaN,
    distinctPer7: "-",
    violations: 0,
    dedupDrops: 0,
    maxPassOutTokens: 0,
    maxTokens: 0,
  };
  for (const dayNumbers of [passes.passOne, passes.passTwo ?? []].filter((pass) => pass.length > 0)) {
    const request = buildPassRequest({ spec, candidates, dayNumbers, avoidFoodIds: usedFoodIds(planned) });
    maxTokens = request.maxTokens;
    const reply = await model.complete(request);
    maxPassOutTokens = Math.max(maxPassOutTokens, reply.usage.outputTokens);
    const parsed = parseModelReply(reply, dayNumbers);
    if (!parsed.ok) return { ...base, error: parsed.error.message };
    const sanitized = sanitizePlan(parsed.plan, candidates, spec);
    base.violations += sanitized.removed.restrictedFood + sanitized.removed.unknownFood;
    const problem = checkPassDays(sanitized.days, spec.calorieTarget);
    if (problem) return { ...base, error: problem.message };
    planned.push(...sanitized.days);
  }
  const foods = indexFoodsById(candidates);
  const scaled = scaleCalories(planned, foods, spec.calorieTarget);
  if (!scaled.ok) return { ...base, error: scaled.error.message };
  const deduped = dedupThenRescale(scaled.days, foods, spec.calorieTarget);
  if (!deduped.ok) return { ...base, error: deduped.error.message };
  const days = deduped.days;

  // Check the saved days against the full catalogue (not the candidate list), as a coach would.
  const everyFood = indexFoodsById(catalogue);
  let violations = base.violations;
  for (const item of days.flatMap((day) => day.meals.flatMap((meal) => meal.items))) {
    const food = everyFood.get(item.food_id);
    if (!food || restrictionViolations(food, spec).length > 0) violations += 1;
  }

  const kcalErrors = days.map((day) => Math.abs(dayTotals(day).kcal / spec.calorieTarget - 1) * 100);
  const macroErrors = days.map((day) => {
    const pct = macroPercentages(dayTotals(day));
    const target = spec.macroSplit;
    return (
      (Math.abs(pct.protein_pct - target.protein_pct) +
        Math.abs(pct.carb_pct - target.carb_pct) +
        Math.abs(pct.fat_pct - target.fat_pct)) /
      3
    );
  });
  const weeks: number[] = [];
  for (let start = 0; start < days.length; start += 7) {
    weeks.push(usedFoodIds(days.slice(start, start + 7)).length);
  }
  return {
    ...base,
    meanKcalErr: mean(kcalErrors),
    worstKcalErr: Math.max(...kcalErrors),
    meanMacroErr: mean(macroErrors),
    distinctPer7: days.length < 7 ? `${weeks[0]} (${days.length}d)` : `${Math.round(mean(weeks))}`,
    violations,
    dedupDrops: deduped.dropped.reduce((sum, entry) => sum + entry.count, 0),
    maxPassOutTokens,
    maxTokens,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

// ---------------------------------------------------------------------------
// Catalogue loading
// ---------------------------------------------------------------------------

function loadCatalogue(argv: readonly string[]): { source: string; foods: CatalogueFood[] } {
  const flag = argv.indexOf("--catalogue");
  const explicit = flag >= 0 ? argv[flag + 1] : undefined;
  const seedPath = resolve(explicit ?? "supabase/seed.sql");
  if (seedPath.endsWith(".sql") && existsSync(seedPath)) {
    return { source: seedPath, foods: foodsFromSeedSql(readFileSync(seedPath, "utf8")) };
  }
  const jsonPath = explicit?.endsWith(".json") ? resolve(explicit) : resolve("tests/fixtures/catalogue.json");
  return { source: jsonPath, foods: CatalogueFoodSchema.array().parse(JSON.parse(readFileSync(jsonPath, "utf8"))) };
}

/** Rows of `insert into public.foods (...) values (...), ...;` as catalogue foods, ids assigned in order. */
export function foodsFromSeedSql(sql: string): CatalogueFood[] {
  const start = sql.search(/insert\s+into\s+public\.foods/i);
  if (start < 0) throw new Error("seed.sql has no `insert into public.foods` statement");
  const statement = sql.slice(start);
  const columns = (/\(([^)]*)\)\s*values/i.exec(statement)?.[1] ?? "").split(",").map((column) => column.trim());
  const valuesAt = statement.search(/\bvalues\b/i) + "values".length;
  const rows = parseTuples(statement.slice(valuesAt));
  return rows.map((values, index) => {
    const row: Record<string, unknown> = {
      id: `5eed0000-0000-4000-8000-${(index + 1).toString(16).padStart(12, "0")}`,
    };
    columns.forEach((column, i) => {
      const value = values[i];
      row[column] = typeof value === "string" && /^\{.*\}$/.test(value) ? pgArray(value) : value;
    });
    return CatalogueFoodSchema.parse(row);
  });
}

/** Parse `(a, 'b', 1.0), (...) ... ;` into value lists, stopping at the statement's end. Skips -- comments. */
function parseTuples(text: string): Array<Array<string | number | null>> {
  const tuples: Array<Array<string | number | null>> = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "-" && text[i + 1] === "-") {
      i = text.indexOf("\n", i);
      if (i < 0) break;
      continue;
    }
    if (char === ";" || /^on\s+conflict/i.test(text.slice(i, i + 12))) break;
    if (char !== "(") {
      i++;
      continue;
    }
    const values: Array<string | number | null> = [];
    i++;
    let token = "";
    while (i < text.length && text[i] !== ")") {
      const c = text[i] as string;
      if (c === "'") {
        let value = "";
        i++;
        while (i < text.length) {
          if (text[i] === "'" && text[i + 1] === "'") {
            value += "'";
            i += 2;
          } else if (text[i] === "'") {
            i++;
            break;
          } else {
            value += text[i++];
          }
        }
        values.push(value);
        token = "";
        while (text[i] === " ") i++;
        if (text[i] === ",") i++;
        continue;
      }
      if (c === ",") {
        if (token.trim() !== "") values.push(scalar(token));
        token = "";
        i++;
        continue;
      }
      token += c;
      i++;
    }
    if (token.trim() !== "") values.push(scalar(token));
    tuples.push(values);
    i++;
  }
  return tuples;
}

function scalar(token: string): string | number | null {
  const trimmed = token.trim();
  if (/^null$/i.test(trimmed)) return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

function pgArray(literal: string): string[] {
  const inner = literal.slice(1, -1).trim();
  return inner === "" ? [] : inner.split(",").map((part) => part.trim().replace(/^"|"$/g, ""));
}

// ---------------------------------------------------------------------------

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

async function main(): Promise<void> {
  const { source, foods } = loadCatalogue(process.argv.slice(2));
  console.log(`Offline planner evaluation: ${foods.length} foods from ${source}\n`);
  const header = [
    pad("plan", 32),
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
    const row = await evaluate(testCase, foods, index);
    const bad = row.error !== undefined || row.violations > 0 || !(row.worstKcalErr <= 3);
    if (bad) failed += 1;
    console.log(
      [
        pad(row.label, 32),
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
  console.log(
    "\nkcal err: |day kcal / target - 1| after scale+dedup; macro err: mean |actual - target| of protein/carb/fat energy %, in points;" +
      "\ndistinct/7d: distinct foods per 7-day block; violations: items breaking diet/allergy or outside the catalogue (must be 0);" +
      "\npass out tok: largest pass answer at 4 chars/token (Claude's tokenizer counts UUID-heavy JSON denser) vs the seed's max_tokens.",
  );
  if (failed > 0) {
    console.error(`\n${failed} plan(s) failed`);
    process.exit(1);
  }
}

await main();
