import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { isProteinFood } from "@/generation/catalogue/meal-slots";
import type { MacroSplit } from "@/generation/generation-config";
import { KCAL_PER_GRAM, type MacroGrams } from "@/generation/nutrition/macros";
import type { LinearProgram, LinearProgramSolver } from "./linear-program";

/** Grams an item may weigh: hard bounds, and the natural range the program prefers within them. */
export type PortionRange = { lower: number; upper: number };

/**
 * One food the day may hold, in the meal at index `meal`. A `planned` food is
 * on the day already (the model's or the planner's choice): the program keeps
 * it unless dropping it is worth its cost, or must keep it when `fixed`. An
 * `addable` food is one the program may bring in from the run's candidates.
 */
export type PortionSlot = {
  food: CatalogueFood;
  meal: number;
  kind: "planned" | "addable";
  /** A planned food that must stay (a coach's own choice). */
  fixed?: boolean;
  /** The grams the program is pulled toward: the chosen grams, or the usual portion of a food brought in. */
  preferredGrams: number;
  bounds: PortionRange;
  natural: PortionRange;
  /** Slots sharing a key are one food (or one family) offered in several meals: at most one is taken. */
  exclusiveKey?: string;
};

export type PortionMeal = {
  /** Breakfast, lunch and dinner need a protein food; snacks need not. */
  main: boolean;
  /** Share of the day's energy the meal should carry (soft). */
  energyShare: number;
};

export type PortionProblem = {
  slots: readonly PortionSlot[];
  meals: readonly PortionMeal[];
  calorieTarget: number;
  macroSplit: MacroSplit;
  /** kcal stays within target × (1 ± calorieBand): the one hard target. */
  calorieBand: number;
  /** Each macro's energy share is pulled within this many points of the split (soft, weighted above all else). */
  macroAimPoints: number;
};

export type PortionSolution =
  /** `grams[i]` is 0 for a slot left out (a dropped planned food or an addable one not brought in). */
  | { status: "solved"; grams: number[] }
  /** No choice of foods and grams within bounds reaches the calorie target. */
  | { status: "infeasible" };

/**
 * What the program trades, in one currency: "usual portions". Moving an item
 * by its whole usual portion costs 1; the other weights say how many usual
 * portions of movement each thing is worth. In the order the day's rules
 * rank them: each macro within the aim of the split, a protein food at every
 * main meal, keep the foods that were chosen, portions in their natural range
 * (0.5x-2x of usual), grams close to the chosen ones, few foods brought in,
 * meals keeping their share of the day.
 */
export const PORTION_WEIGHTS = {
  /** Per point of a macro's energy share beyond the aim. */
  macroPoint: 40,
  mainMealWithoutProtein: 40,
  dropPlannedFood: 6,
  /** Per usual portion outside the natural range: past 0.2 of a portion, dropping the food is cheaper. */
  outsideNaturalRange: 30,
  bringInFood: 3,
  /** Per usual portion away from the preferred grams. */
  portionDeviation: 1,
  /** Per whole day's energy a meal is away from its share (1 per 10 %, so a light pull). */
  mealShare: 10,
} as const;

const MACROS = ["protein", "carbs", "fat"] as const;
/** The MacroSplit field of each macro. */
export const SPLIT_KEY = { protein: "protein_pct", carbs: "carb_pct", fat: "fat_pct" } as const;

/**
 * The day as one mixed-integer program (x_j grams of slot j, y_j = 1 when
 * slot j is on the plate), solved by HiGHS:
 *
 *   (1 − band)·T ≤ Σ kcal_j·x_j ≤ (1 + band)·T                         calories, hard
 *   lower_j·y_j ≤ x_j ≤ upper_j·y_j                                    portion bounds (0.25x-3x), or off the plate
 *   Σ_j (macroKcal_mj − (split_m ± aim)·energy_j)·x_j ≶ ∓ slack_m      each macro within aim of the split, soft
 *   Σ_{j ∈ meal, protein or dairy} y_j + noProtein_meal ≥ 1            main meals, soft
 *   Σ_{j ∈ meal} y_j ≥ 1                                               no meal emptied
 *   Σ_{j ∈ key} y_j ≤ 1                                                a food (or family) brought in once
 *   x_j − preferred_j·y_j = more_j − less_j                            closeness to the chosen grams
 *   x_j − naturalUpper_j·y_j ≤ above_j, naturalLower_j·y_j − x_j ≤ below_j
 *   Σ_{j ∈ meal} kcal_j·x_j − share·T = mealOver − mealUnder
 *
 * minimising the weighted slacks and changes (PORTION_WEIGHTS). `energy_j` is
 * the item's Atwater energy (4P + 4C + 9F per gram), the denominator of its
 * macro shares, so a macro row's slack is 0 exactly when that macro's share
 * is within the aim. Unlike a plain LP, whose optimum sits on a vertex (every
 * portion on a bound), the deviation terms keep each portion where it was
 * chosen unless moving it buys a rule.
 */
export function solvePortionProgram(problem: PortionProblem, solve: LinearProgramSolver): PortionSolution {
  const { slots, calorieTarget: target } = problem;
  if (slots.length === 0 || !(target > 0)) return { status: "infeasible" };
  const x = (j: number) => `x${j}`;
  const y = (j: number) => `y${j}`;
  const kcalPerGram = slots.map(({ food }) => food.kcal_per_100g / 100);

  const objective: Record<string, number> = {};
  const constraints: LinearProgram["constraints"][number][] = [];
  const bounds: Record<string, { lower: number; upper: number }> = {};
  const binaries: string[] = [];
  const add = (name: string, cost: number) => {
    objective[name] = (objective[name] ?? 0) + cost;
  };

  constraints.push({
    terms: Object.fromEntries(slots.map((_, j) => [x(j), kcalPerGram[j] ?? 0])),
    lower: target * (1 - problem.calorieBand),
    upper: target * (1 + problem.calorieBand),
  });

  slots.forEach((slot, j) => {
    const usual = Math.max(slot.food.default_portion_g, 1);
    const perPortion = (weight: number) => weight / usual;
    binaries.push(y(j));
    bounds[x(j)] = { lower: 0, upper: slot.bounds.upper };
    bounds[y(j)] = slot.kind === "planned" && slot.fixed ? { lower: 1, upper: 1 } : { lower: 0, upper: 1 };
    constraints.push({ terms: { [x(j)]: 1, [y(j)]: -slot.bounds.upper }, upper: 0 });
    constraints.push({ terms: { [x(j)]: 1, [y(j)]: -slot.bounds.lower }, lower: 0 });
    // Dropping a planned food costs what keeping it saves; bringing one in costs its own price.
    add(y(j), slot.kind === "planned" ? -PORTION_WEIGHTS.dropPlannedFood : PORTION_WEIGHTS.bringInFood);

    const preferred = Math.min(slot.bounds.upper, Math.max(slot.bounds.lower, slot.preferredGrams));
    constraints.push({
      terms: { [x(j)]: 1, [y(j)]: -preferred, [`more${j}`]: -1, [`less${j}`]: 1 },
      lower: 0,
      upper: 0,
    });
    add(`more${j}`, perPortion(PORTION_WEIGHTS.portionDeviation));
    add(`less${j}`, perPortion(PORTION_WEIGHTS.portionDeviation));

    constraints.push({ terms: { [x(j)]: 1, [y(j)]: -slot.natural.upper, [`above${j}`]: -1 }, upper: 0 });
    constraints.push({ terms: { [x(j)]: -1, [y(j)]: slot.natural.lower, [`below${j}`]: -1 }, upper: 0 });
    add(`above${j}`, perPortion(PORTION_WEIGHTS.outsideNaturalRange));
    add(`below${j}`, perPortion(PORTION_WEIGHTS.outsideNaturalRange));
  });

  // A macro point is a hundredth of the day's energy, about T/100 kcal.
  const perMacroKcal = PORTION_WEIGHTS.macroPoint / (target / 100);
  const aim = problem.macroAimPoints / 100;
  for (const macro of MACROS) {
    const share = problem.macroSplit[SPLIT_KEY[macro]] / 100;
    const row = (offset: number) =>
      Object.fromEntries(
        slots.map(({ food }, j) => [
          x(j),
          (macroKcalPer100g(food)[macro] - (share + offset) * atwaterPer100g(food)) / 100,
        ]),
      );
    constraints.push({ terms: { ...row(aim), [`${macro}Over`]: -1 }, upper: 0 });
    constraints.push({ terms: { ...row(-aim), [`${macro}Under`]: 1 }, lower: 0 });
    add(`${macro}Over`, perMacroKcal);
    add(`${macro}Under`, perMacroKcal);
  }

  problem.meals.forEach((meal, m) => {
    const inMeal = slots.flatMap((slot, j) => (slot.meal === m ? [j] : []));
    if (inMeal.length === 0) return;
    constraints.push({ terms: Object.fromEntries(inMeal.map((j) => [y(j), 1])), lower: 1 });

    const proteinSlots = inMeal.filter((j) => {
      const slot = slots[j];
      return slot !== undefined && isProteinFood(slot.food);
    });
    if (meal.main && proteinSlots.length > 0) {
      constraints.push({
        terms: { ...Object.fromEntries(proteinSlots.map((j) => [y(j), 1])), [`noProtein${m}`]: 1 },
        lower: 1,
      });
      add(`noProtein${m}`, PORTION_WEIGHTS.mainMealWithoutProtein);
    }

    const terms: Record<string, number> = { [`meal${m}Over`]: -1, [`meal${m}Under`]: 1 };
    for (const j of inMeal) terms[x(j)] = kcalPerGram[j] ?? 0;
    constraints.push({ terms, lower: meal.energyShare * target, upper: meal.energyShare * target });
    add(`meal${m}Over`, PORTION_WEIGHTS.mealShare / target);
    add(`meal${m}Under`, PORTION_WEIGHTS.mealShare / target);
  });

  const byKey = new Map<string, number[]>();
  slots.forEach((slot, j) => {
    if (slot.exclusiveKey) byKey.set(slot.exclusiveKey, [...(byKey.get(slot.exclusiveKey) ?? []), j]);
  });
  for (const members of byKey.values()) {
    if (members.length > 1) constraints.push({ terms: Object.fromEntries(members.map((j) => [y(j), 1])), upper: 1 });
  }

  const solution = solve({ objective, constraints, bounds, binaries });
  if (solution.status === "infeasible") return solution;
  const grams = slots.map((slot, j) => {
    if ((solution.values[y(j)] ?? 0) < 0.5) return 0;
    // Clamp away the solver's feasibility tolerance so callers can rely on the bounds.
    return Math.min(slot.bounds.upper, Math.max(slot.bounds.lower, solution.values[x(j)] ?? 0));
  });
  return { status: "solved", grams };
}

/**
 * An item's grams range: within [min, max] × the food's usual portion, never
 * under `minGrams`, never over its group's sensible maximum or `maxGrams`
 * (the database's per-item limit). A maximum below the minimum wins.
 */
export function portionRange(
  food: CatalogueFood,
  limits: { factor: { min: number; max: number }; minGrams: number; maxGramsForGroup: number; maxGrams: number },
): PortionRange {
  const upper = Math.min(food.default_portion_g * limits.factor.max, limits.maxGramsForGroup, limits.maxGrams);
  const lower = Math.min(upper, Math.max(limits.minGrams, food.default_portion_g * limits.factor.min));
  return { lower, upper };
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
