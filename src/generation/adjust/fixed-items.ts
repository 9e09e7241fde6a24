import { type CatalogueFood, familyKey } from "@/generation/catalogue/catalogue";
import { mealSlotsFor, slotNamed } from "@/generation/catalogue/meal-slots";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay, PlannedMeal } from "@/generation/nutrition/planned-day";

/**
 * What a day run keeps of the day it regenerates: the coach's locked items
 * (a whole-day run) or every item outside the meal it regenerates plus that
 * meal's locked items (a meal run). Fixed items keep their food and grams
 * through the model's answer, scale, dedup and balance; they sit first in
 * their meals, so "meal name:index" names them for the balance step
 * (balanceDayWith's fixedItems).
 */

/** A saved item that stays: its meal (by name), food, grams, and its id and lock to carry over. */
export type FixedItem = { meal: string; food_id: string; grams: number; id?: string; locked?: boolean };

/** What a day run regenerates: the whole day around its fixed items, or one meal (`meal`, by name). */
export type DayScope = {
  /** The meal regenerated, by its name in the day; absent for the whole day. */
  meal?: string;
  fixed: FixedItem[];
  /** A meal run: the saved day's meals in order (with their titles), so the day keeps them as they were. */
  meals: SavedMeal[];
};

/** A saved meal's name and dish title. */
export type SavedMeal = { name: string; title?: string; preparation?: string };

/** The same meal whatever its case and spacing ("lunch" is Lunch). */
export function sameMeal(a: string, b: string): boolean {
  return normal(a) === normal(b);
}

function normal(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The kcal the fixed items hold: what the rest of the day (or the regenerated meal) has left to fill. */
export function fixedKcal(scope: DayScope, foods: ReadonlyMap<string, CatalogueFood>): number {
  return scope.fixed.reduce((sum, item) => {
    const food = foods.get(item.food_id);
    return sum + (food ? plannedItem(food, item.grams).kcal : 0);
  }, 0);
}

/**
 * The planned day with the fixed items put back, first in their meals, and
 * the keys naming them for the balance step. A meal run keeps only the
 * answer's meal of that name (the model was asked for it alone); a food of
 * the answer that repeats a fixed food or its family is left out. Undefined
 * when a meal run's answer has no such meal.
 */
export function withFixedItems(
  planned: PlannedDay,
  scope: DayScope,
  foods: ReadonlyMap<string, CatalogueFood>,
  mealsPerDay: number,
): { day: PlannedDay; fixedKeys: string[] } | undefined {
  const fixedFoods = scope.fixed.flatMap((item) => {
    const food = foods.get(item.food_id);
    return food ? [food] : [];
  });
  const fixedIds = new Set(scope.fixed.map((item) => item.food_id));
  const fixedFamilies = new Set(fixedFoods.map(familyKey));
  const clashes = (foodId: string) => {
    const food = foods.get(foodId);
    return fixedIds.has(foodId) || (food !== undefined && fixedFamilies.has(familyKey(food)));
  };
  const scopeMeal = scope.meal;
  const answered =
    scopeMeal === undefined ? planned.meals : planned.meals.filter((meal) => sameMeal(meal.name, scopeMeal));
  if (scopeMeal !== undefined && answered.length === 0) return undefined;

  const order = mealOrder(scope, answered, mealsPerDay);
  const fixedKeys: string[] = [];
  const meals: PlannedMeal[] = order.flatMap((name): PlannedMeal[] => {
    const fixedHere = scope.fixed.filter((item) => sameMeal(item.meal, name));
    const fromAnswer = answered.find((meal) => sameMeal(meal.name, name));
    const items = [
      ...fixedHere.flatMap((item) => {
        const food = foods.get(item.food_id);
        return food ? [plannedItem(food, item.grams)] : [];
      }),
      ...(fromAnswer?.items.filter((item) => !clashes(item.food_id)) ?? []),
    ];
    items.slice(0, fixedHere.length).forEach((_, i) => {
      fixedKeys.push(fixedItemKey(name, i));
    });
    if (items.length === 0) return [];
    const { items: _answered, ...titles } = fromAnswer ?? { items: [] };
    return [{ ...titles, name, items }];
  });
  return { day: { day: planned.day, meals }, fixedKeys };
}

/** The saved day's meals in order (a meal run keeps them all), else the plan's slots, then any other answered meal. */
function mealOrder(scope: DayScope, answered: readonly PlannedMeal[], mealsPerDay: number): string[] {
  const names =
    scope.meals.length > 0 ? scope.meals.map((meal) => meal.name) : mealSlotsFor(mealsPerDay).map((slot) => slot.name);
  for (const meal of [...answered, ...scope.fixed.map((item) => ({ name: item.meal }))]) {
    if (!names.some((name) => sameMeal(name, meal.name))) names.push(slotNamed(meal.name)?.name ?? meal.name);
  }
  return names;
}

/**
 * A meal run's day with every other meal's saved dish title back: their
 * foods did not change, so neither does what they are called.
 */
export function withSavedTitles(day: PlannedDay, scope: DayScope): PlannedDay {
  const scopeMeal = scope.meal;
  if (scopeMeal === undefined) return day;
  return {
    ...day,
    meals: day.meals.map((meal) => {
      const saved = scope.meals.find((each) => sameMeal(each.name, meal.name));
      if (!saved || sameMeal(meal.name, scopeMeal)) return meal;
      const { title: _title, preparation: _preparation, ...rest } = meal;
      return {
        ...rest,
        ...(saved.title === undefined ? {} : { title: saved.title }),
        ...(saved.preparation === undefined ? {} : { preparation: saved.preparation }),
      };
    }),
  };
}

/** A regenerated day's item with the id and lock it carries over (null and false for a new one). */
export type CarriedItem = PlannedDay["meals"][number]["items"][number] & { id: string | null; locked: boolean };

export type CarriedMeal = Omit<PlannedMeal, "items"> & { items: CarriedItem[] };

/**
 * The regenerated day with each fixed item's id and lock carried over: the
 * fixed items sit first in their meals, in the scope's order, at their food.
 */
export function carriedItems(day: PlannedDay, scope: DayScope): CarriedMeal[] {
  return day.meals.map((meal) => {
    const fixedHere = scope.fixed.filter((item) => sameMeal(item.meal, meal.name));
    return {
      ...meal,
      items: meal.items.map((item, i): CarriedItem => {
        const fixed = fixedHere[i];
        return fixed && fixed.food_id === item.food_id
          ? { ...item, id: fixed.id ?? null, locked: fixed.locked === true }
          : { ...item, id: null, locked: false };
      }),
    };
  });
}

/** The key naming an item a day keeps as it is: "meal name:item index". */
export function fixedItemKey(mealName: string, index: number): string {
  return `${mealName}:${index}`;
}

/** Where a regenerated day's locked items sit ("meal name:index"), to write their locks back. */
export function lockedKeys(day: PlannedDay, scope: DayScope): string[] {
  return carriedItems(day, scope).flatMap((meal) =>
    meal.items.flatMap((item: CarriedItem, i) => (item.locked ? [fixedItemKey(meal.name, i)] : [])),
  );
}
