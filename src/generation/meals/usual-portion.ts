import { mealSlotsFor } from "@/generation/catalogue/meal-slots";
import { isMainMealType, mealTypeOf } from "./plate";

/**
 * Usual portions scale with the day. The catalogue's usual portion is a
 * portion for a 2,000 kcal day of three meals; a 3,200 kcal plan's lunch is
 * bigger, a 1,400 kcal plan's smaller, and with snacks the main meals carry
 * less of the day. Portion bounds (0.5x-2x natural, 0.25x-3x hard) are
 * multiples of this scaled portion, so a 3,200 kcal plan is not half on the
 * 2x bound.
 */

/** The day the catalogue's usual portions are written for. */
export const REFERENCE_DAY_KCAL = 2000;
/** However big or small the day, a usual portion stays within these multiples of the catalogue's. */
export const PORTION_SCALE_BOUNDS = { min: 0.75, max: 1.6 } as const;

/**
 * How much bigger than the catalogue's a usual portion is on a day of
 * `calorieTarget` kcal and `mealsPerDay` meals: the energy the main meals
 * carry against a 2,000 kcal day of three meals, within PORTION_SCALE_BOUNDS.
 */
export function portionScale(calorieTarget: number, mealsPerDay: number): number {
  const mainShare = mealSlotsFor(mealsPerDay)
    .filter((slot) => isMainMealType(mealTypeOf(slot.name)))
    .reduce((sum, slot) => sum + slot.energyShare, 0);
  const scale = (calorieTarget * mainShare) / REFERENCE_DAY_KCAL;
  return Math.min(PORTION_SCALE_BOUNDS.max, Math.max(PORTION_SCALE_BOUNDS.min, Number.isFinite(scale) ? scale : 1));
}

/** A food's usual portion on such a day, in grams. */
export function usualPortionGrams(food: { default_portion_g: number }, scale: number): number {
  return food.default_portion_g * scale;
}
