import { roundTenth } from "./item-nutrition";
import type { PlannedDay } from "./planned-day";

export type DayTotals = { kcal: number; protein: number; carbs: number; fat: number };

/** Sum of a day's items (each already computed from the catalogue), rounded to 0.1. */
export function dayTotals(day: PlannedDay): DayTotals {
  let kcal = 0;
  let protein = 0;
  let carbs = 0;
  let fat = 0;
  for (const meal of day.meals) {
    for (const item of meal.items) {
      kcal += item.kcal;
      protein += item.protein;
      carbs += item.carbs;
      fat += item.fat;
    }
  }
  return { kcal: roundTenth(kcal), protein: roundTenth(protein), carbs: roundTenth(carbs), fat: roundTenth(fat) };
}
