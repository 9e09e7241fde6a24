import { z } from "zod";
import { type CatalogueFood, type FoodGroup, familyKey, uniqueFoods } from "@/generation/catalogue/catalogue";
import { fitsRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import { isBreakfastName, isMainMealName, isProteinFood, slotNamed } from "@/generation/catalogue/meal-slots";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig, type MacroSplit } from "@/generation/generation-config";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { plannedItem, roundTenth } from "@/generation/nutrition/item-nutrition";
import { macroDeviations, macroPercentages, worstMacroPoints } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { type LinearProgramSolver, loadLinearProgramSolver } from "./linear-program";
import {
  type PortionMeal,
  type PortionRange,
  type PortionSlot,
  portionRange,
  SPLIT_KEY,
  solvePortionProgram,
} from "./portion-program";
import { presentableGrams, roundPortionsToTarget } from "./round-portions";

export type BalanceTargets = { calorieTarget: number; macroSplit: MacroSplit };

/**
 * How far a saved day's macros are from the split: each macro's energy share
 * minus its target, in percentage points (negative = short), and why the day
 * could not do better. Stored with the day (meal_plan_days.macro_miss) and
 * shown beside it.
 */
export const MacroMissSchema = z.object({
  protein_pts: z.number().finite(),
  carb_pts: z.number().finite(),
  fat_pts: z.number().finite(),
  reason: z.string().max(300).optional(),
});
export type MacroMiss = z.infer<typeof MacroMissSchema>;

/** A food the balance step brought into the day, or took out of it. */
export type DayChange = { kind: "added" | "dropped"; foodId: string; meal: string };

export type BalancedDay = {
  /**
   * false when no foods and portions within bounds reach the calorie target:
   * the day comes back unchanged (in the workflow it is already within 3 %,
   * from the scale and dedup steps).
   */
  solved: boolean;
  day: PlannedDay;
  /** null when every macro is within the tolerance of the split. */
  miss: MacroMiss | null;
  /** Foods brought in or taken out, meal by meal (empty when only grams moved). */
  changes: DayChange[];
  /** Meal rules the day could not meet with the foods at hand, and why (empty when every meal meets its pattern). */
  mealMisses: MealMiss[];
};

export type BalanceOptions = {
  /**
   * Foods that may be brought in (the run's candidates, already fitting the
   * plan). Without them the day's own foods are only re-portioned, or dropped.
   */
  candidates?: readonly CatalogueFood[];
  /** The plan's diet, allergies and dislikes: a food breaking them is never brought in. */
  restrictions?: Restrictions;
  /** Keep every food of the day (a coach's swap: the coach chose them); only grams move. */
  keepFoods?: boolean;
  config?: GenerationConfig;
  /** The solver (default: HiGHS with DEFAULT_SOLVER_OPTIONS); the benchmark compares settings with it. */
  solver?: LinearProgramSolver;
};

/**
 * Which candidate foods a day may bring in, per food group: how many, which
 * macro ranks them, and which meals may take them. A handful per day keeps
 * the program small (a few dozen 0/1 choices); which of the richest foods are
 * offered rotates with the day number, so different days take in different
 * foods.
 */
const ADDITIONS: readonly {
  group: FoodGroup;
  count: number;
  rankBy: "protein" | "carbs" | "fat" | "energy";
  meals: "lunch-dinner" | "main" | "breakfast-snack" | "snack" | "any";
}[] = [
  { group: "protein", count: 3, rankBy: "protein", meals: "main" },
  { group: "dairy", count: 2, rankBy: "protein", meals: "any" },
  { group: "starch", count: 2, rankBy: "carbs", meals: "main" },
  { group: "fat", count: 1, rankBy: "fat", meals: "main" },
  { group: "vegetable", count: 1, rankBy: "energy", meals: "lunch-dinner" },
  { group: "fruit", count: 1, rankBy: "carbs", meals: "breakfast-snack" },
  { group: "snack", count: 1, rankBy: "protein", meals: "snack" },
];
/** Of each group's richest foods, the offer rotates among twice as many as it takes (a wide offer takes them all). */
const ROTATION_DEPTH = 2;

/**
 * Re-solve one day so a coach could send it as it is: kcal within the
 * calorie band of the target, every macro within the aim of the split, a
 * protein food at every main meal, portions within 0.25x-3x of usual (and
 * 0.5x-2x unless a rule needs more), staying as close as possible to the
 * foods and grams chosen. One mixed-integer program decides which foods to
 * keep, lower, drop or bring in from `candidates` (portion-program.ts); no
 * food the restrictions forbid, or the day already has (id or family), is
 * brought in. A day already meeting every rule comes back untouched. A day
 * that cannot meet the split is saved at its best with its miss and the
 * reason; a day no foods can bring to its calories comes back unchanged
 * (`solved: false`), with its miss, for the caller to judge.
 *
 * Pure apart from loading the solver once per process; a route that changes
 * one day (a coach's swap) re-solves it with this.
 */
export async function balanceDay(
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: BalanceTargets,
  options: BalanceOptions = {},
): Promise<BalancedDay> {
  const solve = options.solver ?? (await loadLinearProgramSolver());
  return balanceDayWith(solve, day, foods, targets, options);
}

/** balanceDay for every day of a plan (the `balance` step), solver loaded once. */
export async function balanceDays(
  days: readonly PlannedDay[],
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: BalanceTargets,
  options: BalanceOptions = {},
): Promise<BalancedDay[]> {
  const solve = options.solver ?? (await loadLinearProgramSolver());
  return days.map((day) => balanceDayWith(solve, day, foods, targets, options));
}

/** What one day's solve needs besides its slots. */
type DayContext = {
  solve: LinearProgramSolver;
  day: PlannedDay;
  foods: ReadonlyMap<string, CatalogueFood>;
  candidates: readonly CatalogueFood[];
  targets: BalanceTargets;
  config: GenerationConfig;
};

function balanceDayWith(
  solve: LinearProgramSolver,
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: BalanceTargets,
  options: BalanceOptions,
): BalancedDay {
  const config = options.config ?? DEFAULT_GENERATION_CONFIG;
  const candidates = options.candidates ?? [];
  const context: DayContext = { solve, day, foods, candidates, targets, config };
  const unchanged = (solved: boolean): BalancedDay => ({
    solved,
    day,
    miss: missOf(day, context),
    changes: [],
    mealMisses: [],
  });
  // An item whose food is unknown cannot be re-solved; sanitizePlan removes those before this step.
  if (day.meals.some((meal) => meal.items.some((item) => !foods.has(item.food_id)))) return unchanged(false);
  if (meetsEveryRule(day, context)) return unchanged(true);

  const planned: PortionSlot[] = day.meals.flatMap((meal, m) =>
    meal.items.map((item) => {
      const food = foods.get(item.food_id) as CatalogueFood;
      return {
        food,
        meal: m,
        kind: "planned" as const,
        ...(options.keepFoods ? { fixed: true } : {}),
        preferredGrams: clamp(item.grams, naturalRange(food, config)),
        bounds: hardRange(food, config),
        natural: naturalRange(food, config),
      };
    }),
  );
  if (options.keepFoods || candidates.length === 0) return solveDay(planned, context) ?? unchanged(false);
  // Most days need a food or two at most: a small offer keeps the program fast. A day it
  // cannot bring onto the split with natural portions (a vegan day of six starches) is
  // solved again with a wide offer (each addition's ROTATION_DEPTH × count richest
  // suitable candidates, not only the few), and the better day kept.
  const attempt = (offer: "few" | "wide") =>
    solveDay([...planned, ...additionSlots(day, foods, candidates, options, config, offer)], context);
  const first = attempt("few");
  if (first && first.miss === null && meetsMealRules(first.day, context)) return first;
  const wide = attempt("wide");
  if (!first || !wide) return first ?? wide ?? unchanged(false);
  return shortfall(wide, context) < shortfall(first, context) ? wide : first;
}

/**
 * Solve the day's program over these slots and turn the answer into a day:
 * presentable grams, the drift from rounding corrected within each
 * portion's range. Null when no grams reach the calories.
 */
function solveDay(slots: readonly PortionSlot[], context: DayContext): BalancedDay | null {
  const { day, targets, config } = context;
  const solution = solvePortionProgram(
    {
      slots,
      meals: portionMeals(day),
      calorieTarget: targets.calorieTarget,
      macroSplit: targets.macroSplit,
      calorieBand: config.balance.calorieBand,
      macroAimPoints: Math.min(config.balance.macroAimPoints, config.balance.macroTolerancePoints),
    },
    context.solve,
  );
  if (solution.status === "infeasible") return null;
  const chosen = slots.flatMap((slot, j) => {
    const grams = solution.grams[j] ?? 0;
    return grams > 0 ? [{ slot, grams: presentable(grams, slot) }] : [];
  });
  const rounded = roundPortionsToTarget(
    chosen.map(({ slot, grams }) => ({ food: slot.food, grams, range: naturalOrHard(grams, slot) })),
    targets.calorieTarget,
    // Presentable grams move the total a little; past the band, one item's grams close the gap.
    { roundGrams: (grams) => grams, maxRelativeError: config.balance.calorieBand, maxGrams: config.maxItemGrams },
  );
  const result: PlannedDay = {
    day: day.day,
    meals: day.meals.map((meal, m) => ({
      name: meal.name,
      items: chosen.flatMap(({ slot }, i) =>
        slot.meal === m ? [plannedItem(slot.food, rounded[i] ?? slot.preferredGrams)] : [],
      ),
    })),
  };
  // Rounding is corrected toward the target, but the rule is checked on what will be saved.
  if (Math.abs(dayTotals(result).kcal / targets.calorieTarget - 1) > config.calorieTolerance) return null;
  return {
    solved: true,
    day: result,
    miss: missOf(result, context),
    changes: changesBetween(day, result),
    mealMisses: [],
  };
}

/**
 * Every portion is natural (0.5x-2x of usual) and every main meal holds a
 * protein food (or none could: no protein or dairy food fits the plan).
 */
function meetsMealRules(day: PlannedDay, context: DayContext): boolean {
  return unnaturalPortions(day, context) === 0 && mainMealsWithoutProtein(day, context) === 0;
}

/** How far a solved day falls short of the rules, worst first: its macro miss, protein, then portions and changes. */
function shortfall(result: BalancedDay, context: DayContext): number {
  const { targets, config } = context;
  const beyond = Math.max(
    0,
    worstMacroPoints(dayTotals(result.day), targets.macroSplit) - config.balance.macroTolerancePoints,
  );
  return (
    beyond * 1000 +
    mainMealsWithoutProtein(result.day, context) * 100 +
    unnaturalPortions(result.day, context) * 10 +
    result.changes.length
  );
}

function knownFoods({ foods, candidates }: DayContext): ReadonlyMap<string, CatalogueFood> {
  return new Map([...foods, ...candidates.map((food) => [food.id, food] as const)]);
}

function mainMealsWithoutProtein(day: PlannedDay, context: DayContext): number {
  if (!context.candidates.some(isProteinFood)) return 0;
  const known = knownFoods(context);
  return day.meals.filter(
    (meal) =>
      isMainMealName(meal.name) &&
      !meal.items.some((item) => {
        const food = known.get(item.food_id);
        return food !== undefined && isProteinFood(food);
      }),
  ).length;
}

function unnaturalPortions(day: PlannedDay, context: DayContext): number {
  const known = knownFoods(context);
  return day.meals
    .flatMap((meal) => meal.items)
    .filter((item) => {
      const food = known.get(item.food_id);
      if (!food) return false;
      const range = naturalRange(food, context.config);
      return item.grams < range.lower - 0.5 || item.grams > range.upper + 0.5;
    }).length;
}

/** The bounds the balance step gives a food: never under 0.25x or over 3x its usual portion (see GenerationConfig.balance). */
export function hardRange(food: CatalogueFood, config: GenerationConfig = DEFAULT_GENERATION_CONFIG): PortionRange {
  return portionRange(food, {
    factor: config.balance.portionFactor,
    minGrams: config.balance.minItemGrams,
    maxGramsForGroup: config.balance.maxGramsByGroup[food.food_group],
    maxGrams: config.maxItemGrams,
  });
}

/** The range a portion looks natural in (0.5x-2x of usual), inside the hard bounds. */
export function naturalRange(food: CatalogueFood, config: GenerationConfig = DEFAULT_GENERATION_CONFIG): PortionRange {
  const hard = hardRange(food, config);
  const upper = Math.min(hard.upper, food.default_portion_g * config.balance.naturalPortionFactor.max);
  const lower = Math.min(upper, Math.max(hard.lower, food.default_portion_g * config.balance.naturalPortionFactor.min));
  return { lower, upper };
}

/**
 * The day is on its calories (within the program's band), every macro within
 * macroKeepPoints of the split, every portion natural and a protein at every
 * main meal: a balanced day passes, so balancing twice changes nothing.
 */
function meetsEveryRule(day: PlannedDay, context: DayContext): boolean {
  const totals = dayTotals(day);
  return (
    Math.abs(totals.kcal / context.targets.calorieTarget - 1) <= context.config.balance.calorieBand &&
    worstMacroPoints(totals, context.targets.macroSplit) <= context.config.balance.macroKeepPoints &&
    meetsMealRules(day, context)
  );
}

/**
 * The meals as the program sees them: main or snack, and the share of the
 * day each should carry (the meal slot's share when every meal carries a
 * slot's name, else the share the day was planned with).
 */
function portionMeals(day: PlannedDay): PortionMeal[] {
  const slotShares = day.meals.map((meal) => slotNamed(meal.name)?.energyShare);
  const planned = day.meals.map((meal) => meal.items.reduce((sum, item) => sum + item.kcal, 0));
  const shares = slotShares.every((share) => share !== undefined) ? (slotShares as number[]) : planned;
  const total = shares.reduce((sum, share) => sum + share, 0);
  return day.meals.map((meal, m) => ({
    main: isMainMealName(meal.name),
    energyShare: total > 0 ? (shares[m] ?? 0) / total : 1 / day.meals.length,
  }));
}

/**
 * Foods the day may bring in (ADDITIONS), each offered to the meals that
 * suit it and taken at most once (and at most one per family): from the
 * candidates that fit the restrictions and whose id and family the day does
 * not already have.
 */
function additionSlots(
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  candidates: readonly CatalogueFood[],
  options: BalanceOptions,
  config: GenerationConfig,
  offer: "few" | "wide",
): PortionSlot[] {
  const dayFoods = day.meals.flatMap((meal) => meal.items.map((item) => foods.get(item.food_id) as CatalogueFood));
  const usedIds = new Set(dayFoods.map((food) => food.id));
  const usedFamilies = new Set(dayFoods.map(familyKey));
  const pool = uniqueFoods(candidates).filter(
    (food) =>
      !usedIds.has(food.id) &&
      !usedFamilies.has(familyKey(food)) &&
      (!options.restrictions || fitsRestrictions(food, options.restrictions)),
  );
  const mealsFor = (target: (typeof ADDITIONS)[number]["meals"]): number[] =>
    day.meals.flatMap((meal, m) => {
      const main = isMainMealName(meal.name);
      const breakfast = isBreakfastName(meal.name);
      const fits =
        target === "any" ||
        (target === "main" && main) ||
        (target === "lunch-dinner" && main && !breakfast) ||
        (target === "breakfast-snack" && (breakfast || !main)) ||
        (target === "snack" && !main);
      return fits ? [m] : [];
    });
  const shares = portionMeals(day).map((meal) => meal.energyShare);
  const mealKcal = day.meals.map((meal) => meal.items.reduce((sum, item) => sum + item.kcal, 0));
  const dayKcal = mealKcal.reduce((sum, kcal) => sum + kcal, 0);
  /** 1 when the meal already has a food of the group (a meal lacking it comes first), else 0. */
  const holds = (m: number, group: FoodGroup) =>
    day.meals[m]?.items.some((item) => {
      const food = foods.get(item.food_id);
      return food?.food_group === group || (group === "dairy" && food !== undefined && isProteinFood(food));
    })
      ? 1
      : 0;
  /** How full the meal is against its share of the day (the emptier, the sooner it takes a food). */
  const fullness = (m: number) => (dayKcal > 0 ? (mealKcal[m] ?? 0) / dayKcal : 0) - (shares[m] ?? 0);

  return ADDITIONS.flatMap((rule) => {
    const ranked = pool
      .filter((food) => food.food_group === rule.group)
      .sort((a, b) => rank(b, rule.rankBy) - rank(a, rule.rankBy) || (a.id < b.id ? -1 : 1))
      .slice(0, rule.count * ROTATION_DEPTH);
    const offered =
      offer === "wide" || ranked.length <= rule.count ? ranked : rotate(ranked, day.day).slice(0, rule.count);
    // Each food is offered to one meal only, the meals that lack its group first: the same
    // food offered to three meals would be three near-equal choices for the solver to
    // tell apart, for a plate no coach would prefer.
    const byNeed = mealsFor(rule.meals).sort(
      (a, b) => holds(a, rule.group) - holds(b, rule.group) || fullness(a) - fullness(b),
    );
    if (byNeed.length === 0) return [];
    return offered.map(
      (food, i): PortionSlot => ({
        food,
        meal: byNeed[i % byNeed.length] as number,
        kind: "addable",
        preferredGrams: food.default_portion_g,
        bounds: hardRange(food, config),
        natural: naturalRange(food, config),
        exclusiveKey: `family:${familyKey(food)}`,
      }),
    );
  });
}

/** How rich a food is in what its group is brought in for (energy: the lighter, the higher). */
function rank(food: CatalogueFood, by: "protein" | "carbs" | "fat" | "energy"): number {
  if (by === "energy") return -food.kcal_per_100g;
  const shares = macroPercentages({
    protein: food.protein_per_100g,
    carbs: food.carbs_per_100g,
    fat: food.fat_per_100g,
  });
  return by === "protein" ? shares.protein_pct : by === "carbs" ? shares.carb_pct : shares.fat_pct;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const offset = ((by % items.length) + items.length) % items.length;
  return [...items.slice(offset), ...items.slice(0, offset)];
}

function clamp(value: number, range: PortionRange): number {
  return Math.min(range.upper, Math.max(range.lower, value));
}

/** The range a solved portion must stay in: its natural range when the solver put it there, else its bounds. */
function naturalOrHard(grams: number, slot: PortionSlot): PortionRange {
  return grams >= slot.natural.lower - 1e-6 && grams <= slot.natural.upper + 1e-6 ? slot.natural : slot.bounds;
}

/** Presentable grams (5 g steps from 40 g), kept within the range the solver's grams were in. */
function presentable(grams: number, slot: PortionSlot): number {
  const keep = naturalOrHard(grams, slot);
  const rounded = presentableGrams(grams);
  if (rounded >= keep.lower && rounded <= keep.upper) return rounded;
  return Math.min(Math.floor(keep.upper), Math.max(Math.ceil(keep.lower), Math.round(grams)));
}

/** Foods in one day and not the other, meal by meal: what the program brought in and took out. */
function changesBetween(before: PlannedDay, after: PlannedDay): DayChange[] {
  const changes: DayChange[] = [];
  before.meals.forEach((meal, m) => {
    const now = new Set(after.meals[m]?.items.map((item) => item.food_id));
    const was = new Set(meal.items.map((item) => item.food_id));
    for (const id of was) if (!now.has(id)) changes.push({ kind: "dropped", foodId: id, meal: meal.name });
    for (const id of now) if (!was.has(id)) changes.push({ kind: "added", foodId: id, meal: meal.name });
  });
  return changes;
}

const MACRO_NAMES = { protein: "protein", carbs: "carbohydrate", fat: "fat" } as const;

/**
 * The day's macro miss, or null when every macro is within the tolerance.
 * The reason speaks of the foods the plan may use, so it is given only when
 * the plan's candidates were at hand: a day re-solved over its own foods
 * alone (a coach's swap) gets none, and the plan view says the day's foods
 * cannot reach the split.
 */
function missOf(day: PlannedDay, { targets, config, foods, candidates }: DayContext): MacroMiss | null {
  const totals = dayTotals(day);
  if (worstMacroPoints(totals, targets.macroSplit) <= config.balance.macroTolerancePoints) return null;
  const deviations = macroDeviations(totals, targets.macroSplit);
  const dayFoods = day.meals.flatMap((meal) => meal.items.flatMap((item) => foods.get(item.food_id) ?? []));
  return {
    protein_pts: roundTenth(deviations.protein),
    carb_pts: roundTenth(deviations.carbs),
    fat_pts: roundTenth(deviations.fat),
    ...(candidates.length > 0
      ? { reason: missReason(deviations, targets.macroSplit, [...dayFoods, ...candidates]) }
      : {}),
  };
}

/**
 * Why a day misses its split, in a coach's words: no food at hand is rich
 * enough in the short macro ("no food this plan may use has 45 % of its
 * energy from protein; the richest, tofu, has 43 %"), or the foods exist but
 * not within natural portions and the meals' shapes.
 */
function missReason(
  deviations: { protein: number; carbs: number; fat: number },
  split: MacroSplit,
  foodsAtHand: readonly CatalogueFood[],
): string {
  const macro = (["protein", "carbs", "fat"] as const).reduce((worst, name) =>
    Math.abs(deviations[name]) > Math.abs(deviations[worst]) ? name : worst,
  );
  const target = split[SPLIT_KEY[macro]];
  const name = MACRO_NAMES[macro];
  if (deviations[macro] < 0) {
    const share = (food: CatalogueFood) =>
      macroPercentages({ protein: food.protein_per_100g, carbs: food.carbs_per_100g, fat: food.fat_per_100g })[
        SPLIT_KEY[macro]
      ];
    const richest = [...foodsAtHand].sort((a, b) => share(b) - share(a))[0];
    if (!richest || share(richest) < target) {
      return `no food this plan may use has ${Math.round(target)} % of its energy from ${name}${
        richest ? ` (the richest, ${richest.name}, has ${Math.round(share(richest))} %)` : ""
      }`;
    }
    return `the foods this plan may use cannot bring ${name} up to ${Math.round(target)} % within natural portions`;
  }
  return `the foods this plan may use cannot bring ${name} down to ${Math.round(target)} % within natural portions`;
}
