import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { MacroSplit } from "@/generation/generation-config";
import { isBreakfastBase, isPlatedMeal, PATTERN_LIMITS } from "@/generation/meals/meal-patterns";
import type { MealType } from "@/generation/meals/plate";
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

/** A meal as the program holds it to its pattern (meals/meal-patterns.ts). */
export type PortionMeal = {
  /** The meal's type; without one (a bare program in a test) no pattern rows are added. */
  type?: MealType;
  /** Share of the day's energy the meal should carry (soft). */
  energyShare: number;
  /** The most of the day's energy it may carry (a pattern rule). */
  maxEnergyShare: number;
  /** Grams of protein it should carry at least (0 for a snack). */
  usefulProtein: number;
  /** A lunch or dinner needs a starch (false under a low-carbohydrate split). */
  starchRequired: boolean;
};

export type PortionProblem = {
  slots: readonly PortionSlot[];
  meals: readonly PortionMeal[];
  calorieTarget: number;
  macroSplit: MacroSplit;
  /** kcal stays within target × (1 ± calorieBand): the one hard target. */
  calorieBand: number;
  /** Each macro's energy share is pulled within this many points of the split (soft, weighted above all but the meal patterns). */
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
 * rank them: every meal meets its pattern (a broken rule costs four macro
 * points, so foods are dropped, replaced or brought in for it before
 * anything but a large macro miss is traded), each macro within the aim of the split, keep the
 * foods that were chosen, portions in their natural range (0.5x-2x of
 * usual), grams close to the chosen ones, few foods brought in, meals keeping
 * their share of the day.
 */
export const PORTION_WEIGHTS = {
  /** Per meal rule broken: a missing base, protein, starch or vegetable, one main protein, starch or protein side too many. */
  patternRule: 400,
  /** Per gram of protein a main meal is short of its useful amount, or one meal carries over its share. */
  patternProteinGram: 80,
  /** Per 1 % of the day's energy a meal carries over its most. */
  patternEnergyPoint: 150,
  /** Per point of a macro's energy share beyond the aim. */
  macroPoint: 100,
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
 *   pattern rows per meal (meal-patterns.ts), each soft at patternRule:  breakfast base ≥ 1;
 *     lunch/dinner: main proteins ≤ 1, protein foods ≥ 1, starches ≥ 1, vegetables ≥ 1;
 *     starches ≤ 2, protein sides ≤ 2; snack: foods ≤ 2, foods that carry it ≥ 1
 *   Σ_{j ∈ meal} protein_j·x_j + short_meal ≥ useful_meal                 protein at every main meal, soft
 *   Σ_{j ∈ meal} protein_j·x_j − ½·Σ_j protein_j·x_j ≤ over_meal          no meal most of the protein, soft
 *   Σ_{j ∈ meal} kcal_j·x_j ≤ maxShare·T + energyOver_meal                 no meal most of the energy, soft
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
// Size: 159 lines: the program's rows are built in one scope so each row reads beside the variables it uses.
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

  const proteinPerGram = slots.map(({ food }) => food.protein_per_100g / 100);
  problem.meals.forEach((meal, m) => {
    const inMeal = slots.flatMap((slot, j) => (slot.meal === m ? [j] : []));
    if (inMeal.length === 0) return;
    constraints.push({ terms: Object.fromEntries(inMeal.map((j) => [y(j), 1])), lower: 1 });
    if (meal.type !== undefined) addPatternRows(meal, meal.type, m, inMeal);

    const terms: Record<string, number> = { [`meal${m}Over`]: -1, [`meal${m}Under`]: 1 };
    for (const j of inMeal) terms[x(j)] = kcalPerGram[j] ?? 0;
    constraints.push({ terms, lower: meal.energyShare * target, upper: meal.energyShare * target });
    add(`meal${m}Over`, PORTION_WEIGHTS.mealShare / target);
    add(`meal${m}Under`, PORTION_WEIGHTS.mealShare / target);
  });

  /** The meal's pattern as soft rows: each rule its own slack, priced above every other trade. */
  // Size: 61 lines: one soft row per pattern rule, listed together.
  function addPatternRows(meal: PortionMeal, type: MealType, m: number, inMeal: readonly number[]) {
    const having = (test: (slot: PortionSlot) => boolean) =>
      inMeal.filter((j) => {
        const slot = slots[j];
        return slot !== undefined && test(slot);
      });
    const countRow = (name: string, members: readonly number[], bound: { lower?: number; upper?: number }) => {
      const slack = `${name}${m}`;
      const terms: Record<string, number> = Object.fromEntries(members.map((j) => [y(j), 1]));
      terms[slack] = bound.lower !== undefined ? 1 : -1;
      constraints.push({ terms, ...bound });
      add(slack, PORTION_WEIGHTS.patternRule);
    };
    const role = (...roles: PortionSlot["food"]["plate_role"][]) =>
      having((slot) => roles.includes(slot.food.plate_role));

    countRow("starchesOver", role("starch"), { upper: PATTERN_LIMITS.maxStarchesPerMeal });
    countRow("sidesOver", role("protein_side"), { upper: PATTERN_LIMITS.maxProteinSidesPerMeal });
    if (type === "breakfast")
      countRow(
        "noBase",
        having((slot) => isBreakfastBase(slot.food.plate_role)),
        { lower: 1 },
      );
    if (isPlatedMeal(type)) {
      countRow("mainsOver", role("main_protein"), { upper: PATTERN_LIMITS.maxMainProteinsPerMeal });
      countRow("noProtein", role("main_protein", "protein_side"), { lower: 1 });
      if (meal.starchRequired) countRow("noStarch", role("starch"), { lower: 1 });
      countRow("noVegetable", role("vegetable"), { lower: 1 });
    }
    if (type === "snack") {
      countRow("snackOver", inMeal, { upper: PATTERN_LIMITS.snackMaxFoods });
      countRow(
        "noSubstance",
        role("fruit", "protein_side", "starch", "supplement", "main_protein", "fat", "vegetable"),
        {
          lower: 1,
        },
      );
    }
    if (meal.usefulProtein > 0) {
      const terms: Record<string, number> = Object.fromEntries(inMeal.map((j) => [x(j), proteinPerGram[j] ?? 0]));
      terms[`proteinShort${m}`] = 1;
      constraints.push({ terms, lower: meal.usefulProtein });
      add(`proteinShort${m}`, PORTION_WEIGHTS.patternProteinGram);
    }
    if (problem.meals.length > 1) {
      const spread: Record<string, number> = Object.fromEntries(
        // Aimed a little under the rule's share, so rounding never puts a meal over it.
        slots.map((_, j) => [x(j), -(PATTERN_LIMITS.maxProteinShare - 0.03) * (proteinPerGram[j] ?? 0)]),
      );
      for (const j of inMeal) spread[x(j)] = (spread[x(j)] ?? 0) + (proteinPerGram[j] ?? 0);
      spread[`proteinOver${m}`] = -1;
      constraints.push({ terms: spread, upper: 0 });
      add(`proteinOver${m}`, PORTION_WEIGHTS.patternProteinGram);
    }
    const energy: Record<string, number> = Object.fromEntries(inMeal.map((j) => [x(j), kcalPerGram[j] ?? 0]));
    energy[`energyOver${m}`] = -1;
    constraints.push({ terms: energy, upper: meal.maxEnergyShare * target });
    add(`energyOver${m}`, PORTION_WEIGHTS.patternEnergyPoint / (target / 100));
  }

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
