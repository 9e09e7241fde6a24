import { type CatalogueFood, familyKey, uniqueFoods } from "@/generation/catalogue/catalogue";
import { fitsRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import { mealSlotsFor, slotNamed } from "@/generation/catalogue/meal-slots";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig, type MacroSplit } from "@/generation/generation-config";
import { withDishTitles } from "@/generation/meals/dish-titles";
import {
  judgeDay,
  type MealMiss,
  maxEnergyShare,
  starchRequired,
  usefulProteinGrams,
} from "@/generation/meals/meal-patterns";
import { isMainMealType, mealTypeOf, type PlateRole, suitsMeal } from "@/generation/meals/plate";
import { portionScale } from "@/generation/meals/usual-portion";
import { weekMenuFromDays, weekOf } from "@/generation/meals/week-menu";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import { macroDeviations, worstMacroPoints } from "@/generation/nutrition/macros";
import { dayFoodsKey, type PlannedDay } from "@/generation/nutrition/planned-day";
import { type MacroMiss, mealMissesOf, missOf } from "./day-misses";
import { additionSlots } from "./day-offer";
import { type LinearProgramSolver, loadLinearProgramSolver } from "./linear-program";
import { repairPlates } from "./plate-repair";
import { type PortionMeal, type PortionRange, type PortionSlot, solvePortionProgram } from "./portion-program";
import { rangesAtMeal } from "./portion-ranges";
import { presentableGrams, roundPortionsToTarget } from "./round-portions";

export { type MacroMiss, MacroMissSchema } from "./day-misses";
export { hardRange, naturalRange } from "./portion-ranges";

/** A day's targets; `mealsPerDay` (the plan's) sizes usual portions and names the meals a day should have. */
export type BalanceTargets = { calorieTarget: number; macroSplit: MacroSplit; mealsPerDay?: number };

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
  /** Items ("meal name:item index") whose food and grams stay as they are (leftovers); by name, since a meal the day lacked may be put back before them. */
  fixedItems?: ReadonlySet<string>;
  /** The week's menu (week-menu.ts): a food outside it is dropped, unless it must stay. */
  menu?: ReadonlySet<string>;
  config?: GenerationConfig;
  /** The solver (default: HiGHS with DEFAULT_SOLVER_OPTIONS); the benchmark compares settings with it. */
  solver?: LinearProgramSolver;
};

/**
 * Re-solve one day so a coach could send it as it is: every meal meets its
 * pattern (meals/meal-patterns.ts), kcal within the calorie band of the
 * target, every macro within the aim of the split, portions within 0.25x-3x
 * of the day's usual (and 0.5x-2x unless a rule needs more), staying as close
 * as possible to the foods and grams chosen. One mixed-integer program
 * decides which foods to keep, lower, drop or bring in from `candidates`
 * (portion-program.ts); no food the restrictions forbid, or the day already
 * has (id or family), or that does not suit the meal, is brought in. A day
 * already meeting every rule comes back untouched. A day that cannot meet
 * its split or a meal rule is saved at its best with its misses and the
 * reasons; a day no foods can bring to its calories comes back unchanged
 * (`solved: false`), with its misses, for the caller to judge. Every meal
 * leaves titled (meals/dish-titles.ts).
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

/** What one day's solve needs besides its slots. */
export type DayContext = {
  solve: LinearProgramSolver;
  day: PlannedDay;
  foods: ReadonlyMap<string, CatalogueFood>;
  candidates: readonly CatalogueFood[];
  targets: BalanceTargets;
  config: GenerationConfig;
  /** Usual portions on this day, as a multiple of the catalogue's (meals/usual-portion.ts). */
  scale: number;
};

export function balanceDayWith(
  solve: LinearProgramSolver,
  original: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: BalanceTargets,
  options: BalanceOptions,
): BalancedDay {
  const config = options.config ?? DEFAULT_GENERATION_CONFIG;
  const candidates = uniqueFoods(options.candidates ?? []).filter(
    (food) => !options.restrictions || fitsRestrictions(food, options.restrictions),
  );
  const canAdd = !options.keepFoods && candidates.length > 0;
  // A day short of a meal (the model left it out, or sanitising emptied it) gets it back to fill.
  const day = canAdd ? withEveryMeal(original, targets.mealsPerDay) : original;
  const scale = portionScale(targets.calorieTarget, targets.mealsPerDay ?? Math.max(3, day.meals.length));
  const context: DayContext = { solve, day, foods, candidates, targets, config, scale };
  const known = knownFoods(context);
  const finish = (result: Omit<BalancedDay, "mealMisses">): BalancedDay => {
    const titled = withDishTitles(result.day, original, known);
    const missContext = { ...context, foods: known };
    return { ...result, day: titled, mealMisses: mealMissesOf(titled, shares(titled), missContext) };
  };
  const unchanged = (solved: boolean) =>
    finish({ solved, day: original, miss: missOf(original, { ...context, foods: known }), changes: [] });
  // An item whose food is unknown cannot be re-solved; sanitizePlan removes those before this step.
  if (original.meals.some((meal) => meal.items.some((item) => !foods.has(item.food_id)))) return unchanged(false);
  const inMenu = (food: CatalogueFood) => !options.menu || options.menu.has(food.id);
  const allInMenu = original.meals.every((meal) =>
    meal.items.every((item) => options.menu?.has(item.food_id) !== false),
  );
  if (allInMenu && meetsEveryRule(original, context)) return unchanged(true);

  if (!canAdd) {
    return finishSolved(solveDay(plannedSlots(day, context, options), context), original, finish) ?? unchanged(false);
  }
  // The plates put in order first (plate-repair.ts), so the program mostly trades grams.
  const fixed = (meal: number, item: number) => options.fixedItems?.has(`${day.meals[meal]?.name}:${item}`) === true;
  const closed = (meal: number) => {
    const items = day.meals[meal]?.items ?? [];
    return items.length > 0 && items.every((_, i) => fixed(meal, i));
  };
  const repaired = repairPlates(day, known, candidates, targets, scale, { fixed, allowed: inMenu, closed });
  const repairedContext = { ...context, day: repaired, foods: known };
  const planned = plannedSlots(repaired, repairedContext, options);
  // Most days need a food or two at most: a small offer keeps the program fast. A day the few
  // cannot bring onto its patterns and split is solved again with a wide offer, the better kept.
  const attempt = (offer: "few" | "wide") =>
    solveDay(
      [
        ...planned,
        ...additionSlots(
          repaired,
          known,
          candidates,
          offer,
          config,
          scale,
          closed,
          shortest(repaired, targets.macroSplit),
        ),
      ],
      repairedContext,
    );
  const first = attempt("few");
  // Good enough: every meal on its pattern, the split met, at most one portion outside its natural range.
  if (first && shortfall(first, context) <= 10) return finishSolved(first, original, finish) ?? unchanged(false);
  const wide = attempt("wide");
  const best = !first || !wide ? (first ?? wide) : shortfall(wide, context) < shortfall(first, context) ? wide : first;
  return finishSolved(best, original, finish) ?? unchanged(false);
}

type Solved = Omit<BalancedDay, "mealMisses" | "changes">;

function finishSolved(
  solved: Solved | null,
  original: PlannedDay,
  finish: (result: Omit<BalancedDay, "mealMisses">) => BalancedDay,
): BalancedDay | null {
  return solved ? finish({ ...solved, changes: changesBetween(original, solved.day) }) : null;
}

/** The day's own items as slots; a food that does not suit its meal is dropped unless it must stay. */
function plannedSlots(day: PlannedDay, context: DayContext, options: BalanceOptions): PortionSlot[] {
  return day.meals.flatMap((meal, m) => {
    const type = mealTypeOf(meal.name);
    return meal.items.flatMap((item, i): PortionSlot[] => {
      const food = context.foods.get(item.food_id) as CatalogueFood;
      const fixedItem = options.fixedItems?.has(`${meal.name}:${i}`) === true;
      const fixed = options.keepFoods === true || fixedItem;
      if (!fixed && !suitsMeal(food, type)) return [];
      const ranges = fixedItem
        ? { bounds: { lower: item.grams, upper: item.grams }, natural: { lower: item.grams, upper: item.grams } }
        : rangesAtMeal(food, type, context.config, context.scale);
      return [
        {
          food,
          meal: m,
          kind: "planned",
          ...(fixed ? { fixed: true } : {}),
          preferredGrams: clamp(item.grams, ranges.natural),
          ...ranges,
        },
      ];
    });
  });
}

/**
 * Solve the day's program over these slots and turn the answer into a day:
 * presentable grams, the drift from rounding corrected within each
 * portion's range. Null when no grams reach the calories.
 */
function solveDay(slots: readonly PortionSlot[], context: DayContext): Solved | null {
  const { day, targets, config } = context;
  const solution = solvePortionProgram(
    {
      slots,
      meals: portionMeals(day, targets),
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
    return grams > 0
      ? [{ slot, grams: slot.fixed && slot.bounds.lower === slot.bounds.upper ? grams : presentable(grams, slot) }]
      : [];
  });
  const rounded = roundPortionsToTarget(
    chosen.map(({ slot, grams }) => ({ food: slot.food, grams, range: naturalOrHard(grams, slot) })),
    targets.calorieTarget,
    // Presentable grams move the total a little; past the band, one item's grams close the gap.
    { roundGrams: (grams) => grams, maxRelativeError: config.balance.calorieBand, maxGrams: config.maxItemGrams },
  );
  const result: PlannedDay = {
    day: day.day,
    meals: day.meals
      .map((meal, m) => ({
        ...meal,
        items: chosen.flatMap(({ slot }, i) =>
          slot.meal === m ? [plannedItem(slot.food, rounded[i] ?? slot.preferredGrams)] : [],
        ),
      }))
      .filter((meal) => meal.items.length > 0),
  };
  // Rounding is corrected toward the target, but the rule is checked on what will be saved.
  if (Math.abs(dayTotals(result).kcal / targets.calorieTarget - 1) > config.calorieTolerance) return null;
  const known = knownFoods(context);
  return { solved: true, day: result, miss: missOf(result, { ...context, foods: known }) };
}

/** How far a solved day falls short of the rules, worst first: meal rules, its macro miss, then portions. */
function shortfall(result: Solved, context: DayContext): number {
  const { targets, config } = context;
  const beyond = Math.max(
    0,
    worstMacroPoints(dayTotals(result.day), targets.macroSplit) - config.balance.macroTolerancePoints,
  );
  return brokenRules(result.day, context) * 3000 + beyond * 1000 + unnaturalPortions(result.day, context) * 10;
}

function knownFoods({
  foods,
  candidates,
}: Pick<DayContext, "foods" | "candidates">): ReadonlyMap<string, CatalogueFood> {
  return new Map([...foods, ...candidates.map((food) => [food.id, food] as const)]);
}

function brokenRules(day: PlannedDay, context: DayContext): number {
  return judgeDay(day, knownFoods(context), context.targets, shares(day)).reduce((sum, rules) => sum + rules.length, 0);
}

function unnaturalPortions(day: PlannedDay, context: DayContext): number {
  const known = knownFoods(context);
  return day.meals.flatMap((meal) =>
    meal.items.filter((item) => {
      const food = known.get(item.food_id);
      if (!food) return false;
      const range = rangesAtMeal(food, mealTypeOf(meal.name), context.config, context.scale).natural;
      return item.grams < range.lower - 0.5 || item.grams > range.upper + 0.5;
    }),
  ).length;
}

/**
 * The day is on its calories (within the program's band), every macro within
 * macroKeepPoints of the split, every meal on its pattern and every portion
 * natural: a balanced day passes, so balancing twice changes nothing.
 */
function meetsEveryRule(day: PlannedDay, context: DayContext): boolean {
  const totals = dayTotals(day);
  return (
    Math.abs(totals.kcal / context.targets.calorieTarget - 1) <= context.config.balance.calorieBand &&
    worstMacroPoints(totals, context.targets.macroSplit) <= context.config.balance.macroKeepPoints &&
    brokenRules(day, context) === 0 &&
    unnaturalPortions(day, context) === 0 &&
    (context.targets.mealsPerDay === undefined || day.meals.length >= mealSlotsFor(context.targets.mealsPerDay).length)
  );
}

/**
 * Each meal's share of the day: the meal slot's share when every meal carries
 * a slot's name, else the share the day was planned with.
 */
function shares(day: PlannedDay): number[] {
  const slotShares = day.meals.map((meal) => slotNamed(meal.name)?.energyShare);
  const planned = day.meals.map((meal) => meal.items.reduce((sum, item) => sum + item.kcal, 0));
  const raw = slotShares.every((share) => share !== undefined) ? (slotShares as number[]) : planned;
  const total = raw.reduce((sum, share) => sum + share, 0);
  return raw.map((share) => (total > 0 ? share / total : 1 / day.meals.length));
}

/** The meals as the program holds them: type, share of the day, and the pattern's numbers. */
function portionMeals(day: PlannedDay, targets: BalanceTargets): PortionMeal[] {
  const useful = usefulProteinGrams(targets);
  return shares(day).map((share, m) => {
    const type = mealTypeOf(day.meals[m]?.name ?? "");
    return {
      type,
      energyShare: share,
      // Aimed a little under the rule, so rounding grams never puts a meal over it.
      maxEnergyShare: maxEnergyShare(share) - ENERGY_AIM_SHARE,
      // Aimed a little above the rule, so rounding grams never leaves a meal a gram short.
      usefulProtein: isMainMealType(type) ? useful + PROTEIN_AIM_GRAMS : 0,
      starchRequired: starchRequired(targets.macroSplit),
    };
  });
}

/** The day with an empty meal for every slot of the plan it lacks (by name), in slot order. */
function withEveryMeal(day: PlannedDay, mealsPerDay: number | undefined): PlannedDay {
  if (mealsPerDay === undefined) return day;
  const slots = mealSlotsFor(mealsPerDay);
  const named = new Set(day.meals.map((meal) => meal.name));
  if (slots.every((slot) => named.has(slot.name))) return day;
  const order = (name: string) => {
    const index = slots.findIndex((slot) => slot.name === name);
    return index < 0 ? slots.length : index;
  };
  const meals = [
    ...day.meals,
    ...slots.filter((slot) => !named.has(slot.name)).map((slot) => ({ name: slot.name, items: [] })),
  ];
  return { ...day, meals: meals.sort((a, b) => order(a.name) - order(b.name)) };
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

/** Foods in one day and not the other, meal by meal (by name): what the program brought in and took out. */
function changesBetween(before: PlannedDay, after: PlannedDay): DayChange[] {
  const changes: DayChange[] = [];
  const names = [...new Set([...before.meals, ...after.meals].map((meal) => meal.name))];
  for (const name of names) {
    const was = new Set(before.meals.find((meal) => meal.name === name)?.items.map((item) => item.food_id));
    const now = new Set(after.meals.find((meal) => meal.name === name)?.items.map((item) => item.food_id));
    for (const id of was) if (!now.has(id)) changes.push({ kind: "dropped", foodId: id, meal: name });
    for (const id of now) if (!was.has(id)) changes.push({ kind: "added", foodId: id, meal: name });
  }
  return changes;
}

/** Grams of protein the program aims above a main meal's useful amount (a useful meal has room to spare). */
const PROTEIN_AIM_GRAMS = 5;
/** Share of the day's energy the program keeps a meal under its most. */
const ENERGY_AIM_SHARE = 0.02;

/** What the whole plan's balance adds to a day's: the week bound and leftovers (PlanSpec). */
export type PlanBalanceOptions = BalanceOptions & {
  /** Most distinct foods a week may use; without it (or without candidates) weeks are not bounded. */
  foodsPerWeek?: number;
  /** Each day's lunch is the day before's dinner, as it was saved. */
  leftovers?: boolean;
  /**
   * The menu of each week when it is planned ahead (the offline planner's, the same for every chunk of a
   * plan); without it a week's menu is drawn from the foods its days use (weekMenuFromDays).
   */
  menuOfWeek?: (week: number) => CatalogueFood[];
};

/**
 * balanceDay for every day of a plan (the `balance` step), solver loaded
 * once. Each week is held to a menu of at most `foodsPerWeek` foods
 * (week-menu.ts: the foods its days use most, then what the patterns need),
 * and with `leftovers` each lunch is the day before's dinner, kept as it is
 * while the rest of the day is solved around it.
 */
export async function balanceDays(
  days: readonly PlannedDay[],
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: BalanceTargets,
  options: PlanBalanceOptions = {},
): Promise<BalancedDay[]> {
  const solve = options.solver ?? (await loadLinearProgramSolver());
  const candidates = uniqueFoods(options.candidates ?? []).filter(
    (food) => !options.restrictions || fitsRestrictions(food, options.restrictions),
  );
  const bounded = options.foodsPerWeek !== undefined && candidates.length > 0 && !options.keepFoods;
  const menus = new Map<number, CatalogueFood[]>();
  const menuOf = (dayNumber: number) => {
    const week = weekOf(dayNumber);
    if (!menus.has(week)) {
      const ofWeek = days.filter((day) => weekOf(day.day) === week);
      const size = options.foodsPerWeek as number;
      menus.set(week, options.menuOfWeek?.(week) ?? weekMenuFromDays(ofWeek, candidates, week, size));
    }
    return menus.get(week) as CatalogueFood[];
  };
  const results: BalancedDay[] = [];
  const seen = new Map<number, Set<string>>();
  for (const day of [...days].sort((a, b) => a.day - b.day)) {
    const menu = bounded ? menuOf(day.day) : undefined;
    const previous = results[results.length - 1];
    const leftover =
      options.leftovers && previous?.day.day === day.day - 1 ? withLeftoverLunch(day, previous.day, foods) : null;
    const solveWith = (allowed: readonly CatalogueFood[] | undefined) => {
      const dayOptions: BalanceOptions = {
        ...options,
        ...(allowed ? { candidates: allowed, menu: new Set(allowed.map((food) => food.id)) } : {}),
        ...(leftover ? { fixedItems: new Set([...(options.fixedItems ?? []), ...leftover.fixed]) } : {}),
      };
      return balanceDayWith(solve, leftover?.day ?? day, foods, targets, dayOptions);
    };
    let result = solveWith(menu);
    // The same day twice in a week is no plan: the repeat is solved again without one of its foods (its
    // proteins first, then its starches and vegetables), then without two, and so on (a week may hold the
    // one-food variants already), the first that makes a new day and breaks no more rules.
    const week = seen.get(weekOf(day.day)) ?? new Set<string>();
    if (week.has(dayFoodsKey(result.day)) && candidates.length > 0 && !options.keepFoods) {
      const allowed = menu ?? candidates;
      const leftOut: string[] = [];
      for (const foodId of exchangeable(result.day, foods).slice(0, VARIATION_TRIES)) {
        const varied = solveWith(allowed.filter((food) => food.id !== foodId && !leftOut.includes(food.id)));
        const noWorse =
          varied.solved &&
          varied.mealMisses.length <= result.mealMisses.length &&
          (varied.miss === null || result.miss !== null);
        if (!noWorse) continue;
        if (!week.has(dayFoodsKey(varied.day))) {
          result = varied;
          break;
        }
        leftOut.push(foodId);
      }
    }
    week.add(dayFoodsKey(result.day));
    seen.set(weekOf(day.day), week);
    results.push(result);
  }
  const order = new Map(days.map((day, index) => [day.day, index]));
  return results.sort((a, b) => (order.get(a.day.day) ?? 0) - (order.get(b.day.day) ?? 0));
}

/** The macro whose energy share the day falls furthest short of. */
function shortest(day: PlannedDay, split: MacroSplit): "protein" | "carbs" | "fat" {
  const deviations = macroDeviations(dayTotals(day), split);
  return (["protein", "carbs", "fat"] as const).reduce((worst, macro) =>
    deviations[macro] < deviations[worst] ? macro : worst,
  );
}

/** How many foods a repeated day tries leaving out before it is kept as it is. */
const VARIATION_TRIES = 10;

/** The day's foods in the order a repeated day leaves them out: proteins, then starches, then vegetables. */
function exchangeable(day: PlannedDay, foods: ReadonlyMap<string, CatalogueFood>): string[] {
  const order: PlateRole[] = ["main_protein", "protein_side", "starch", "vegetable", "fruit", "fat"];
  const items = day.meals.flatMap((meal) => meal.items.map((item) => foods.get(item.food_id)));
  return order.flatMap((role) => items.flatMap((food) => (food?.plate_role === role ? [food.id] : [])));
}

/**
 * The day with its lunch replaced by yesterday's dinner (same foods, grams,
 * title), fixed, and the day's other foods of those families taken out; null
 * when either meal is missing.
 */
function withLeftoverLunch(
  day: PlannedDay,
  yesterday: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
): { day: PlannedDay; fixed: Set<string> } | null {
  const dinner = yesterday.meals.find((meal) => mealTypeOf(meal.name) === "dinner");
  const lunchIndex = day.meals.findIndex((meal) => mealTypeOf(meal.name) === "lunch");
  if (!dinner || lunchIndex < 0 || !dinner.items.every((item) => foods.has(item.food_id))) return null;
  const families = new Set(dinner.items.map((item) => familyKey(foods.get(item.food_id) as CatalogueFood)));
  const meals = day.meals.map((meal, m) =>
    m === lunchIndex
      ? { ...dinner, name: meal.name, preparation: "Leftovers from yesterday's dinner." }
      : {
          ...meal,
          items: meal.items.filter((item) => {
            const food = foods.get(item.food_id);
            return !food || !families.has(familyKey(food));
          }),
        },
  );
  return { day: { ...day, meals }, fixed: new Set(dinner.items.map((_, i) => `${day.meals[lunchIndex]?.name}:${i}`)) };
}
