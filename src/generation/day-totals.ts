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
  const round = (value: number) => Math.round(value * 10) / 10;
  return { kcal: round(kcal), protein: round(protein), carbs: round(carbs), fat: round(fat) };
}

/** Share of energy from each macro, in percent (protein and carbs 4 kcal/g, fat 9 kcal/g). */
export function macroPercentages(totals: DayTotals): { protein_pct: number; carb_pct: number; fat_pct: number } {
  const energy = totals.protein * 4 + totals.carbs * 4 + totals.fat * 9;
  if (energy <= 0) return { protein_pct: 0, carb_pct: 0, fat_pct: 0 };
  return {
    protein_pct: (totals.protein * 4 * 100) / energy,
    carb_pct: (totals.carbs * 4 * 100) / energy,
    fat_pct: (totals.fat * 9 * 100) / energy,
  };
}
