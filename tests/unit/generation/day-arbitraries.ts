import fc from "fast-check";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay } from "@/generation/nutrition/planned-day";

/** Arbitrary days built from `foods`, with repeats allowed (dedup's input) and portions of 5-800 g. */
export function arbitraryDay(foods: readonly CatalogueFood[], dayNumber = 1): fc.Arbitrary<PlannedDay> {
  const item = fc
    .record({ food: fc.constantFrom(...foods), grams: fc.integer({ min: 5, max: 800 }) })
    .map(({ food, grams }) => plannedItem(food, grams));
  const meal = fc.record({
    name: fc.constantFrom("Breakfast", "Lunch", "Dinner", "Snack"),
    items: fc.array(item, { minLength: 1, maxLength: 5 }),
  });
  return fc.array(meal, { minLength: 1, maxLength: 6 }).map((meals) => ({ day: dayNumber, meals }));
}
