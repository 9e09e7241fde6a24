import { z } from "zod";
import { type CatalogueFood, type FoodGroup, familyKey, uniqueFoods } from "@/generation/catalogue/catalogue";
import { fitsRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig, type MacroSplit } from "@/generation/generation-config";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { plannedItem, roundTenth } from "@/generation/nutrition/item-nutrition";
import { macroDeviations, macroPercentages, worstMacroPoints } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { minBy } from "@/generation/shared/min-by";
import { type LinearProgramSolver, loadLinearProgramSolver } from "./linear-program";
import { type PortionItem, portionBounds, solvePortions } from "./portion-lp";
import { roundPortionsToTarget } from "./round-portions";

export type BalanceTargets = { calorieTarget: number; macroSplit: MacroSplit };

/**
 * How far a saved day's macros are from the split: each macro's energy share
 * minus its target, in percentage points (negative = short). Stored with the
 * day (meal_plan_days.macro_miss) and shown beside it.
 */
export const MacroMissSchema = z.object({
  protein_pts: z.number().finite(),
  carb_pts: z.number().finite(),
  fat_pts: z.number().finite(),
});
export type MacroMiss = z.infer<typeof MacroMissSchema>;

/** A food the balance step brought into the day so its macros could reach the split. */
export type DayChange =
  | { kind: "added"; foodId: string; meal: string }
  | { kind: "swapped"; fromFoodId: string; toFoodId: string; meal: string };

export type BalancedDay = {
  /**
   * false when no portions within bounds reach the calorie target: the day
   * comes back unchanged (in the workflow it is already within 3 %, from the
   * scale and dedup steps).
   */
  solved: boolean;
  day: PlannedDay;
  /** null when every macro is within the tolerance of the split. */
  miss: MacroMiss | null;
  /** Foods brought in, in order (empty when the day's own foods sufficed). */
  changes: DayChange[];
};

export type BalanceOptions = {
  /**
   * Foods that may be added or swapped in when the day's own foods cannot
   * reach the split (the run's candidate list). Without them the day's foods
   * are only re-portioned.
   */
  candidates?: readonly CatalogueFood[];
  /** The plan's diet and allergies; a food breaking them is never brought in. */
  restrictions?: Restrictions;
  config?: GenerationConfig;
  /** The LP solver (default: HiGHS with DEFAULT_SOLVER_OPTIONS); the benchmark compares settings with it. */
  solver?: LinearProgramSolver;
};

/** The food group that carries each macro when a day lacks it. */
const GROUP_FOR_MACRO: Readonly<Record<keyof ReturnType<typeof macroDeviations>, FoodGroup>> = {
  protein: "protein",
  carbs: "starch",
  fat: "fat",
};
/** How many of the richest foods in the missing macro's group are tried (each tried as an addition and as a swap). */
const SWAP_CHOICES = 4;
/**
 * At most this many foods are brought into one day: one is usually enough;
 * a vegan day at 40 % protein (220 g at 2,200 kcal, where no plant food gives
 * more than ~60 g within its portion bounds) needs up to three. More would no
 * longer be the day the model or the planner chose.
 */
const MAX_CHANGES = 3;

/**
 * Re-solve one day's grams, keeping its foods: kcal within the calorie band of
 * the target and each macro's energy share as close to the split as the
 * foods allow, every item within its portion bounds (a linear program solved
 * by HiGHS, see portion-lp.ts). While the worst macro is further than
 * `macroAimPoints` from the split, one food from `candidates` in the missing
 * macro's group is added or swapped in (never one the day already has, by id
 * or family, nor one the restrictions forbid) and the day solved again, at
 * most MAX_CHANGES times and only while it helps. The best day found is
 * returned with its miss (worst macro beyond `macroTolerancePoints`), if any;
 * a day no portions can bring to its calories comes back unchanged
 * (`solved: false`), with its miss, for the caller to judge.
 *
 * Pure apart from loading the solver once per process; a route that changes
 * one day (a coach's swap) can re-solve it with this.
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

type Layout = { meals: { name: string; foods: CatalogueFood[] }[] };
type Attempt = { day: PlannedDay; layout: Layout; worst: number; changes: DayChange[] };

function balanceDayWith(
  solve: LinearProgramSolver,
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: BalanceTargets,
  options: BalanceOptions,
): BalancedDay {
  const config = options.config ?? DEFAULT_GENERATION_CONFIG;
  const tolerance = config.balance.macroTolerancePoints;
  const aim = Math.min(config.balance.macroAimPoints, tolerance);
  // An item whose food is unknown cannot be re-solved; sanitizePlan removes those before this step.
  if (day.meals.some((meal) => meal.items.some((item) => !foods.has(item.food_id)))) {
    return { solved: false, day, miss: missOf(day, targets, tolerance), changes: [] };
  }
  const layout: Layout = {
    meals: day.meals.map((meal) => ({
      name: meal.name,
      foods: meal.items.map((item) => foods.get(item.food_id) as CatalogueFood),
    })),
  };
  const preferred = new Map(day.meals.flatMap((meal) => meal.items.map((item) => [item.food_id, item.grams])));
  const mealShares = mealSharesOf(day);
  const tryLayout = (candidate: Layout, changes: DayChange[]) =>
    solveLayout(solve, candidate, preferred, mealShares, targets, config, day.day, changes);

  let best = tryLayout(layout, []);
  for (let round = 0; round < MAX_CHANGES && !(best && best.worst <= aim); round++) {
    const from: Attempt = best ?? { day, layout, worst: Number.POSITIVE_INFINITY, changes: [] };
    const alternatives = changedLayouts(from.day, from.layout, targets.macroSplit, options)
      .map(({ layout: changed, change }) => tryLayout(changed, [...from.changes, change]))
      .filter((attempt): attempt is Attempt => attempt !== null);
    const better = minBy(alternatives, (attempt) => attempt.worst);
    if (!better || better.worst >= from.worst) break;
    best = better;
  }
  if (!best) return { solved: false, day, miss: missOf(day, targets, tolerance), changes: [] };
  return { solved: true, day: best.day, miss: missOf(best.day, targets, tolerance), changes: best.changes };
}

/** Solve one layout's grams and round them; null when no grams within bounds reach the calories. */
function solveLayout(
  solve: LinearProgramSolver,
  layout: Layout,
  preferred: ReadonlyMap<string, number>,
  mealShares: readonly number[],
  targets: BalanceTargets,
  config: GenerationConfig,
  dayNumber: number,
  changes: DayChange[],
): Attempt | null {
  const items: PortionItem[] = layout.meals.flatMap((meal, mealIndex) =>
    meal.foods.map((food) => ({
      food,
      meal: mealIndex,
      preferredGrams: preferred.get(food.id) ?? food.default_portion_g,
    })),
  );
  const solution = solvePortions(
    {
      items,
      calorieTarget: targets.calorieTarget,
      macroSplit: targets.macroSplit,
      bounds: items.map(({ food }) => balanceBounds(food, config)),
      calorieBand: config.balance.calorieBand,
      mealShares,
    },
    solve,
  );
  if (solution.status === "infeasible") return null;
  const grams = roundPortionsToTarget(
    items.map((item, i) => ({ food: item.food, grams: solution.grams[i] ?? item.preferredGrams })),
    targets.calorieTarget,
    // Whole grams move the total a few kcal; only a drift past two thirds of the rule moves one item further.
    { maxRelativeError: (config.calorieTolerance * 2) / 3, maxGrams: config.maxItemGrams },
  );
  let next = 0;
  const day: PlannedDay = {
    day: dayNumber,
    meals: layout.meals.map((meal) => ({
      name: meal.name,
      items: meal.foods.map((food) => plannedItem(food, grams[next++] ?? food.default_portion_g)),
    })),
  };
  // Rounding is corrected toward the target, but the rule is checked on what will be saved.
  const kcal = dayTotals(day).kcal;
  if (Math.abs(kcal / targets.calorieTarget - 1) > config.calorieTolerance) return null;
  return { day, layout, worst: worstMacroPoints(dayTotals(day), targets.macroSplit), changes };
}

/** The bounds the balance step gives a food (see GenerationConfig.balance). */
export function balanceBounds(food: CatalogueFood, config: GenerationConfig = DEFAULT_GENERATION_CONFIG) {
  return portionBounds(food, {
    factor: config.balance.portionFactor,
    minGrams: config.balance.minItemGrams,
    maxGramsForGroup: config.balance.maxGramsByGroup[food.food_group],
    maxGrams: config.maxItemGrams,
  });
}

/**
 * Days with one food more, or one food exchanged, from the candidates of the
 * group carrying the macro the day is shortest of: the richest few in that
 * macro, none the day already has (by id or family), none the plan forbids.
 * An addition goes to the day's largest meal; a swap replaces the day's food
 * of that group that is poorest in the macro.
 */
function changedLayouts(
  day: PlannedDay,
  layout: Layout,
  split: MacroSplit,
  options: BalanceOptions,
): { layout: Layout; change: DayChange }[] {
  if (!options.candidates || options.candidates.length === 0) return [];
  const deviations = macroDeviations(dayTotals(day), split);
  const macro = minBy(["protein", "carbs", "fat"] as const, (name) => deviations[name]) ?? "protein";
  const group = GROUP_FOR_MACRO[macro];
  const share = (food: CatalogueFood) => {
    const percentages = macroPercentages({
      protein: food.protein_per_100g,
      carbs: food.carbs_per_100g,
      fat: food.fat_per_100g,
    });
    return macro === "protein"
      ? percentages.protein_pct
      : macro === "carbs"
        ? percentages.carb_pct
        : percentages.fat_pct;
  };

  const dayFoods = layout.meals.flatMap((meal) => meal.foods);
  const usedIds = new Set(dayFoods.map((food) => food.id));
  const usedFamilies = new Set(dayFoods.map(familyKey));
  const pool = uniqueFoods(options.candidates)
    .filter((food) => food.food_group === group && !usedIds.has(food.id) && !usedFamilies.has(familyKey(food)))
    .filter((food) => !options.restrictions || fitsRestrictions(food, options.restrictions))
    .sort((a, b) => share(b) - share(a) || (a.id < b.id ? -1 : 1))
    .slice(0, SWAP_CHOICES);
  if (pool.length === 0) return [];

  const mealKcal = day.meals.map((meal) => meal.items.reduce((sum, item) => sum + item.kcal, 0));
  const largestMeal = mealKcal.indexOf(Math.max(...mealKcal));
  const poorest = minBy(
    layout.meals.flatMap((meal, mealIndex) =>
      meal.foods
        .map((food, foodIndex) => ({ food, mealIndex, foodIndex }))
        .filter(({ food }) => food.food_group === group),
    ),
    ({ food }) => share(food),
  );

  return pool.flatMap((food) => {
    const out: { layout: Layout; change: DayChange }[] = [];
    const mealName = layout.meals[largestMeal]?.name ?? "";
    out.push({
      layout: {
        meals: layout.meals.map((meal, i) => (i === largestMeal ? { ...meal, foods: [...meal.foods, food] } : meal)),
      },
      change: { kind: "added", foodId: food.id, meal: mealName },
    });
    if (poorest) {
      out.push({
        layout: {
          meals: layout.meals.map((meal, i) =>
            i === poorest.mealIndex
              ? { ...meal, foods: meal.foods.map((existing, j) => (j === poorest.foodIndex ? food : existing)) }
              : meal,
          ),
        },
        change: {
          kind: "swapped",
          fromFoodId: poorest.food.id,
          toFoodId: food.id,
          meal: layout.meals[poorest.mealIndex]?.name ?? "",
        },
      });
    }
    return out;
  });
}

/** Each meal's share of the day's energy as the day was planned (equal shares for a day with none). */
function mealSharesOf(day: PlannedDay): number[] {
  const kcal = day.meals.map((meal) => meal.items.reduce((sum, item) => sum + item.kcal, 0));
  const total = kcal.reduce((sum, value) => sum + value, 0);
  return kcal.map((value) => (total > 0 ? value / total : 1 / Math.max(1, kcal.length)));
}

/** The day's macro miss, or null when every macro is within the tolerance. */
function missOf(day: PlannedDay, targets: BalanceTargets, tolerance: number): MacroMiss | null {
  const totals = dayTotals(day);
  if (worstMacroPoints(totals, targets.macroSplit) <= tolerance) return null;
  const deviations = macroDeviations(totals, targets.macroSplit);
  return {
    protein_pts: roundTenth(deviations.protein),
    carb_pts: roundTenth(deviations.carbs),
    fat_pts: roundTenth(deviations.fat),
  };
}
