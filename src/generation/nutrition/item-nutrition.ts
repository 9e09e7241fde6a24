import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { PlannedItem } from "./planned-day";

/** Round to one decimal, the precision nutrition is stored and shown at. */
export function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** An item's nutrition for `grams` of `food`, from the catalogue's per-100 g values. */
export function plannedItem(food: CatalogueFood, grams: number): PlannedItem {
  const factor = grams / 100;
  return {
    food_id: food.id,
    grams,
    kcal: roundTenth(food.kcal_per_100g * factor),
    protein: roundTenth(food.protein_per_100g * factor),
    carbs: roundTenth(food.carbs_per_100g * factor),
    fat: roundTenth(food.fat_per_100g * factor),
  };
}
