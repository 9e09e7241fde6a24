import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { mealSlotsFor, slotNamed } from "@/generation/catalogue/meal-slots";
import { judgeDay } from "@/generation/meals/meal-patterns";
import { mealTypeOf } from "@/generation/meals/plate";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { worstMacroPoints } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import type { DayContext, SolvedDay } from "./balance-types";
import { rangesAtMeal } from "./portion-ranges";

/**
 * The day rules the balance step judges a day by: calories in the band,
 * macros near the split, every meal on its pattern, every portion natural;
 * and how far a solved day falls short of them.
 */

/** How far a solved day falls short of the rules, worst first: meal rules, its macro miss, then portions. */
export function shortfall(result: SolvedDay, context: DayContext): number {
  const { targets, config } = context;
  const beyond = Math.max(
    0,
    worstMacroPoints(dayTotals(result.day), targets.macroSplit) - config.balance.macroTolerancePoints,
  );
  return brokenRules(result.day, context) * 3000 + beyond * 1000 + unnaturalPortions(result.day, context) * 10;
}

export function knownFoods({
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
export function meetsEveryRule(day: PlannedDay, context: DayContext): boolean {
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
export function shares(day: PlannedDay): number[] {
  const slotShares = day.meals.map((meal) => slotNamed(meal.name)?.energyShare);
  const planned = day.meals.map((meal) => meal.items.reduce((sum, item) => sum + item.kcal, 0));
  const raw = slotShares.every((share) => share !== undefined) ? (slotShares as number[]) : planned;
  const total = raw.reduce((sum, share) => sum + share, 0);
  return raw.map((share) => (total > 0 ? share / total : 1 / day.meals.length));
}
