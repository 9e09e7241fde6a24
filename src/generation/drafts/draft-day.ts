import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { type DayTotals, dayTotals } from "@/generation/nutrition/day-totals";
import type { PlannedDay } from "@/generation/nutrition/planned-day";

/**
 * A day as a running generation drafted it: the foods and grams the model
 * answered for it once the answer passed its checks (known foods, the plan's
 * restrictions, meal rules as sanitising applies them), before the run scales
 * it to the calorie target, removes repeated foods and balances it. The page
 * shows it, marked as a draft, until the balanced plan is saved; the saved
 * day may differ in grams and foods.
 */
export type DraftDay = {
  day_number: number;
  meals: DraftMeal[];
  totals: DayTotals;
};

export type DraftMeal = { name: string; title: string | null; items: DraftItem[] };
export type DraftItem = { food_id: string; name: string; grams: number; kcal: number };

/** The drafts of a chunk's checked days, each food named from the run's candidates. */
export function draftDays(days: readonly PlannedDay[], candidates: readonly CatalogueFood[]): DraftDay[] {
  const names = new Map(candidates.map((food) => [food.id, food.name]));
  return days.map((day) => ({
    day_number: day.day,
    meals: day.meals.map((meal) => ({
      name: meal.name,
      title: meal.title ?? null,
      items: meal.items.map((item) => ({
        food_id: item.food_id,
        name: names.get(item.food_id) ?? "Unknown food",
        grams: item.grams,
        kcal: item.kcal,
      })),
    })),
    totals: dayTotals(day),
  }));
}
