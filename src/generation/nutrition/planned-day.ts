/** An item as saved: grams from the plan, nutrition computed from the catalogue (rounded to 0.1). */
export type PlannedItem = { food_id: string; grams: number; kcal: number; protein: number; carbs: number; fat: number };
/**
 * A meal: its slot name (Breakfast, Lunch, ...), its dish title and one line of
 * preparation once known (meals/dish-titles.ts), and its items.
 */
export type PlannedMeal = { name: string; title?: string; preparation?: string; items: PlannedItem[] };
/** A validated day, ready for scaling, dedup and saving (plain JSON, so it crosses workflow steps). */
export type PlannedDay = { day: number; meals: PlannedMeal[] };

/** A day's foods meal by meal, grams aside: two days with the same key read the same to a coach. */
export function dayFoodsKey(day: PlannedDay): string {
  return day.meals
    .map(
      (meal) =>
        `${meal.name}:${meal.items
          .map((item) => item.food_id)
          .sort()
          .join(",")}`,
    )
    .join("|");
}

/** Distinct food ids used by these days, in first-use order (pass two's "already used" list). */
export function usedFoodIds(days: readonly PlannedDay[]): string[] {
  const ids = new Set<string>();
  for (const day of days) for (const meal of day.meals) for (const item of meal.items) ids.add(item.food_id);
  return [...ids];
}
