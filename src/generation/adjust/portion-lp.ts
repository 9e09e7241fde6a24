import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { MacroSplit } from "@/generation/generation-config";
import { KCAL_PER_GRAM, type MacroGrams, worstMacroPoints } from "@/generation/nutrition/macros";
import type { LinearProgram, LinearProgramSolver } from "./linear-program";

/** One food of the day, in the meal at index `meal`, with the grams the LP is pulled toward. */
export type PortionItem = { food: CatalogueFood; meal: number; preferredGrams: number };

export type PortionProblem = {
  items: readonly PortionItem[];
  calorieTarget: number;
  macroSplit: MacroSplit;
  /** Each item stays within these grams (see portionBounds). */
  bounds: readonly { lower: number; upper: number }[];
  /** kcal stays within target × (1 ± calorieBand): a hard constraint. */
  calorieBand: number;
  /** Share of the day's energy each meal should carry (index = meal); a soft pull, omitted for none. */
  mealShares?: readonly number[];
};

export type PortionSolution =
  | { status: "solved"; grams: number[]; worstMacroPoints: number }
  /** No grams within the bounds reach the calorie target. */
  | { status: "infeasible" };

// The objective, in kcal. The worst macro's deviation dominates (the target
// is "every macro close", not "close on average"); the sum of all three breaks
// ties toward the split; then, much lighter, meals keep their share of the
// day and portions stay near the preferred grams, so a plate still looks like
// the plate the model (or the planner) chose.
const WEIGHTS = { worstMacro: 10, eachMacro: 1, mealShare: 0.2, preferredPortion: 0.05 } as const;

const MACROS = ["protein", "carbs", "fat"] as const;
const SPLIT_KEY = { protein: "protein_pct", carbs: "carb_pct", fat: "fat_pct" } as const;

/**
 * The diet problem for one day as a linear program (x_i = grams of item i):
 *
 *   (1 − band)·T ≤ Σ kcal_i·x_i ≤ (1 + band)·T                          calories, hard
 *   Σ (macroKcal_m,i − split_m·energy_i)·x_i = over_m − under_m         each macro's miss, in kcal
 *   over_m + under_m ≤ worst                                            the worst miss
 *   Σ_{i ∈ meal j} kcal_i·x_i − share_j·T = mealOver_j − mealUnder_j    soft meal shares
 *   x_i − preferred_i = more_i − less_i                                 soft usual portions
 *   lower_i ≤ x_i ≤ upper_i
 *
 * minimising the weighted misses above. `energy_i` is the item's Atwater
 * energy (4P + 4C + 9F per gram), the denominator of its macro shares, so the
 * macro rows are exact: share_m = split_m exactly when the row's miss is 0.
 */
export function solvePortions(problem: PortionProblem, solve: LinearProgramSolver): PortionSolution {
  const { items, calorieTarget: target } = problem;
  if (items.length === 0 || !(target > 0)) return { status: "infeasible" };
  const x = (i: number) => `x${i}`;
  const kcalPerGram = items.map(({ food }) => food.kcal_per_100g / 100);

  const objective: Record<string, number> = { worst: WEIGHTS.worstMacro };
  const constraints: LinearProgram["constraints"][number][] = [];
  const bounds: Record<string, { lower: number; upper: number }> = {};

  constraints.push({
    terms: Object.fromEntries(items.map((_, i) => [x(i), kcalPerGram[i] ?? 0])),
    lower: target * (1 - problem.calorieBand),
    upper: target * (1 + problem.calorieBand),
  });

  for (const macro of MACROS) {
    const share = problem.macroSplit[SPLIT_KEY[macro]] / 100;
    const terms: Record<string, number> = {};
    items.forEach(({ food }, i) => {
      terms[x(i)] = (macroKcalPer100g(food)[macro] - share * atwaterPer100g(food)) / 100;
    });
    terms[`${macro}_over`] = -1;
    terms[`${macro}_under`] = 1;
    constraints.push({ terms, lower: 0, upper: 0 });
    constraints.push({ terms: { [`${macro}_over`]: 1, [`${macro}_under`]: 1, worst: -1 }, upper: 0 });
    objective[`${macro}_over`] = WEIGHTS.eachMacro;
    objective[`${macro}_under`] = WEIGHTS.eachMacro;
  }

  problem.mealShares?.forEach((share, meal) => {
    const terms: Record<string, number> = { [`meal${meal}_over`]: -1, [`meal${meal}_under`]: 1 };
    items.forEach((item, i) => {
      if (item.meal === meal) terms[x(i)] = kcalPerGram[i] ?? 0;
    });
    constraints.push({ terms, lower: share * target, upper: share * target });
    objective[`meal${meal}_over`] = WEIGHTS.mealShare;
    objective[`meal${meal}_under`] = WEIGHTS.mealShare;
  });

  items.forEach((item, i) => {
    const bound = problem.bounds[i] ?? { lower: 0, upper: 0 };
    bounds[x(i)] = bound;
    const preferred = Math.min(bound.upper, Math.max(bound.lower, item.preferredGrams));
    constraints.push({ terms: { [x(i)]: 1, [`more${i}`]: -1, [`less${i}`]: 1 }, lower: preferred, upper: preferred });
    // Weighted per kcal moved, so a gram of oil costs as much as the energy it carries.
    const weight = WEIGHTS.preferredPortion * Math.max(kcalPerGram[i] ?? 0, 0.1);
    objective[`more${i}`] = weight;
    objective[`less${i}`] = weight;
  });

  const solution = solve({ objective, constraints, bounds });
  if (solution.status === "infeasible") return solution;
  const grams = items.map((_, i) => {
    const bound = problem.bounds[i] ?? { lower: 0, upper: 0 };
    // Clamp away the solver's feasibility tolerance (1e-7) so callers can rely on the bounds.
    return Math.min(bound.upper, Math.max(bound.lower, solution.values[x(i)] ?? 0));
  });
  return {
    status: "solved",
    grams,
    worstMacroPoints: worstMacroPoints(macroGramsOf(items, grams), problem.macroSplit),
  };
}

/** The grams of protein, carbohydrate and fat in these portions. */
export function macroGramsOf(items: readonly { food: CatalogueFood }[], grams: readonly number[]): MacroGrams {
  const total = { protein: 0, carbs: 0, fat: 0 };
  items.forEach(({ food }, i) => {
    const factor = (grams[i] ?? 0) / 100;
    total.protein += food.protein_per_100g * factor;
    total.carbs += food.carbs_per_100g * factor;
    total.fat += food.fat_per_100g * factor;
  });
  return total;
}

/**
 * An item's grams range: within [min, max] × the food's usual portion, never
 * under `minGrams`, never over its group's sensible maximum or `maxGrams`
 * (the database's per-item limit). A maximum below the minimum wins.
 */
export function portionBounds(
  food: CatalogueFood,
  limits: { factor: { min: number; max: number }; minGrams: number; maxGramsForGroup: number; maxGrams: number },
): { lower: number; upper: number } {
  const upper = Math.min(food.default_portion_g * limits.factor.max, limits.maxGramsForGroup, limits.maxGrams);
  const lower = Math.min(upper, Math.max(limits.minGrams, food.default_portion_g * limits.factor.min));
  return { lower, upper };
}

function macroKcalPer100g(food: CatalogueFood): MacroGrams {
  return {
    protein: food.protein_per_100g * KCAL_PER_GRAM.protein,
    carbs: food.carbs_per_100g * KCAL_PER_GRAM.carbs,
    fat: food.fat_per_100g * KCAL_PER_GRAM.fat,
  };
}

function atwaterPer100g(food: CatalogueFood): number {
  const kcal = macroKcalPer100g(food);
  return kcal.protein + kcal.carbs + kcal.fat;
}
