import { type CatalogueFood, uniqueFoods } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { withDishTitles } from "@/generation/meals/dish-titles";
import { portionScale } from "@/generation/meals/usual-portion";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import type { BalancedDay, BalanceOptions, BalanceTargets, DayContext, SolvedDay } from "./balance-types";
import { mealMissesOf, missOf } from "./day-misses";
import { additionSlots } from "./day-offer";
import { knownFoods, meetsEveryRule, shares, shortfall } from "./day-rules";
import { changesBetween, plannedSlots, shortest, solveDay, withEveryMeal } from "./day-solve";
import { type LinearProgramSolver, loadLinearProgramSolver } from "./linear-program";
import { repairPlates } from "./plate-repair";

export type { BalancedDay, BalanceOptions, BalanceTargets, DayChange } from "./balance-types";
export { type MacroMiss, MacroMissSchema } from "./day-misses";
export { hardRange, naturalRange } from "./portion-ranges";

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
  const solver = options.solver ?? (await loadLinearProgramSolver());
  return balanceDayWith(day, foods, targets, { ...options, solver });
}

/** balanceDay with the solver loaded (balance-plan.ts solves a plan's days with one). */
export function balanceDayWith(
  original: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  targets: BalanceTargets,
  options: BalanceOptions & { solver: LinearProgramSolver },
): BalancedDay {
  const config = options.config ?? DEFAULT_GENERATION_CONFIG;
  const candidates = uniqueFoods(options.candidates ?? []).filter(
    (food) => !options.restrictions || fitsRestrictions(food, options.restrictions),
  );
  const canAdd = !options.keepFoods && candidates.length > 0;
  // A day short of a meal (the model left it out, or sanitising emptied it) gets it back to fill.
  const day = canAdd ? withEveryMeal(original, targets.mealsPerDay) : original;
  const scale = portionScale(targets.calorieTarget, targets.mealsPerDay ?? Math.max(3, day.meals.length));
  const context: DayContext = { solve: options.solver, day, foods, candidates, targets, config, scale };
  const known = knownFoods(context);
  const finish = (solved: SolvedDay | null): BalancedDay | null => {
    if (!solved) return null;
    const titled = withDishTitles(solved.day, original, known);
    const missContext = { ...context, foods: known };
    const changes = changesBetween(original, solved.day);
    return { ...solved, changes, day: titled, mealMisses: mealMissesOf(titled, shares(titled), missContext) };
  };
  const unchanged = (solved: boolean) => ({
    ...(finish({ solved, day: original, miss: missOf(original, { ...context, foods: known }) }) as BalancedDay),
    changes: [],
  });
  // An item whose food is unknown cannot be re-solved; sanitizePlan removes those before this step.
  if (original.meals.some((meal) => meal.items.some((item) => !foods.has(item.food_id)))) return unchanged(false);
  const allInMenu = original.meals.every((meal) =>
    meal.items.every((item) => options.menu?.has(item.food_id) !== false),
  );
  if (allInMenu && meetsEveryRule(original, context)) return unchanged(true);
  const solved = canAdd ? solveWithAdditions(context, options) : solveDay(plannedSlots(day, context, options), context);
  return finish(solved) ?? unchanged(false);
}

/**
 * The plates put in order first (plate-repair.ts), so the program mostly
 * trades grams; then the day solved with a few foods it may bring in, and
 * again with a wide offer when the few cannot bring it onto its patterns and
 * split (the better kept). Most days need a food or two at most: a small
 * offer keeps the program fast.
 */
function solveWithAdditions(context: DayContext, options: BalanceOptions): SolvedDay | null {
  const { day, candidates, targets, config, scale } = context;
  const known = knownFoods(context);
  const inMenu = (food: CatalogueFood) => !options.menu || options.menu.has(food.id);
  const fixed = (meal: number, item: number) => options.fixedItems?.has(`${day.meals[meal]?.name}:${item}`) === true;
  const closed = (meal: number) => {
    const items = day.meals[meal]?.items ?? [];
    return items.length > 0 && items.every((_, i) => fixed(meal, i));
  };
  const repaired = repairPlates(day, known, candidates, targets, scale, { fixed, allowed: inMenu, closed });
  const repairedContext = { ...context, day: repaired, foods: known };
  const planned = plannedSlots(repaired, repairedContext, options);
  const short = shortest(repaired, targets.macroSplit);
  const attempt = (offer: "few" | "wide") =>
    solveDay(
      [...planned, ...additionSlots(repaired, known, candidates, offer, config, scale, closed, short)],
      repairedContext,
    );
  const first = attempt("few");
  // Good enough: every meal on its pattern, the split met, at most one portion outside its natural range.
  if (first && shortfall(first, context) <= 10) return first;
  const wide = attempt("wide");
  if (!first || !wide) return first ?? wide;
  return shortfall(wide, context) < shortfall(first, context) ? wide : first;
}
