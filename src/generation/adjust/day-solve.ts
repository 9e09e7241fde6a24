import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { mealSlotsFor } from "@/generation/catalogue/meal-slots";
import type { MacroSplit } from "@/generation/generation-config";
import { maxEnergyShare, starchRequired, usefulProteinGrams } from "@/generation/meals/meal-patterns";
import { isMainMealType, mealTypeOf, suitsMeal } from "@/generation/meals/plate";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import { macroDeviations } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import type { BalanceOptions, BalanceTargets, DayChange, DayContext, SolvedDay } from "./balance-types";
import { missOf } from "./day-misses";
import { knownFoods, shares } from "./day-rules";
import { fixedItemKey } from "./fixed-items";
import { type PortionMeal, type PortionRange, type PortionSlot, solvePortionProgram } from "./portion-program";
import { rangesAtMeal } from "./portion-ranges";
import { presentableGrams, roundPortionsToTarget } from "./round-portions";

/**
 * One day's program, from the day to the solved day: its items as slots,
 * the meals as the program holds them, the solver's grams made presentable
 * and brought back onto the calories, and what changed.
 */

/** The day's own items as slots; a food that does not suit its meal is dropped unless it must stay. */
export function plannedSlots(day: PlannedDay, context: DayContext, options: BalanceOptions): PortionSlot[] {
  return day.meals.flatMap((meal, m) => {
    const type = mealTypeOf(meal.name);
    return meal.items.flatMap((item, i): PortionSlot[] => {
      const food = context.foods.get(item.food_id) as CatalogueFood;
      const fixedItem = options.fixedItems?.has(fixedItemKey(meal.name, i)) === true;
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
export function solveDay(slots: readonly PortionSlot[], context: DayContext): SolvedDay | null {
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
export function withEveryMeal(day: PlannedDay, mealsPerDay: number | undefined): PlannedDay {
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
export function changesBetween(before: PlannedDay, after: PlannedDay): DayChange[] {
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

/** The macro whose energy share the day falls furthest short of. */
export function shortest(day: PlannedDay, split: MacroSplit): "protein" | "carbs" | "fat" {
  const deviations = macroDeviations(dayTotals(day), split);
  return (["protein", "carbs", "fat"] as const).reduce((worst, macro) =>
    deviations[macro] < deviations[worst] ? macro : worst,
  );
}
