import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { MacroSplit } from "@/generation/generation-config";

/**
 * Energy arithmetic for protein, carbohydrate and fat, in one place: the
 * planner, candidate selection, the prompt, the UI and the eval all ask the
 * same questions of it.
 */

/** Energy per gram of each macro (the Atwater factors). */
export const KCAL_PER_GRAM = { protein: 4, carbs: 4, fat: 9 } as const;

export type MacroGrams = { protein: number; carbs: number; fat: number };

/** Share of energy from each macro, in percent (zeros when there is no energy). */
export function macroPercentages(grams: MacroGrams): MacroSplit {
  const protein = grams.protein * KCAL_PER_GRAM.protein;
  const carbs = grams.carbs * KCAL_PER_GRAM.carbs;
  const fat = grams.fat * KCAL_PER_GRAM.fat;
  const energy = protein + carbs + fat;
  if (energy <= 0) return { protein_pct: 0, carb_pct: 0, fat_pct: 0 };
  return { protein_pct: (protein * 100) / energy, carb_pct: (carbs * 100) / energy, fat_pct: (fat * 100) / energy };
}

/** The grams of each macro a day of `calorieTarget` kcal needs to meet the split. */
export function macroTargetGrams(calorieTarget: number, split: MacroSplit): MacroGrams {
  return {
    protein: (calorieTarget * split.protein_pct) / 100 / KCAL_PER_GRAM.protein,
    carbs: (calorieTarget * split.carb_pct) / 100 / KCAL_PER_GRAM.carbs,
    fat: (calorieTarget * split.fat_pct) / 100 / KCAL_PER_GRAM.fat,
  };
}

/** Sum of |actual − target| energy shares, in percentage points (300 when there is no energy at all). */
export function macroError(grams: MacroGrams, split: MacroSplit): number {
  const actual = macroPercentages(grams);
  if (actual.protein_pct + actual.carb_pct + actual.fat_pct === 0) return 300;
  return (
    Math.abs(actual.protein_pct - split.protein_pct) +
    Math.abs(actual.carb_pct - split.carb_pct) +
    Math.abs(actual.fat_pct - split.fat_pct)
  );
}

/** Each macro's energy share minus its target, in percentage points (negative: short of the split). */
export function macroDeviations(grams: MacroGrams, split: MacroSplit): { protein: number; carbs: number; fat: number } {
  const actual = macroPercentages(grams);
  return {
    protein: actual.protein_pct - split.protein_pct,
    carbs: actual.carb_pct - split.carb_pct,
    fat: actual.fat_pct - split.fat_pct,
  };
}

/** The largest |actual − target| energy share of the three macros, in points (100 when there is no energy). */
export function worstMacroPoints(grams: MacroGrams, split: MacroSplit): number {
  if (grams.protein + grams.carbs + grams.fat <= 0) return 100;
  const deviations = macroDeviations(grams, split);
  return Math.max(Math.abs(deviations.protein), Math.abs(deviations.carbs), Math.abs(deviations.fat));
}

/** The share of a food's energy each macro gives (chicken breast: protein 80 %). */
export function energyShares(food: Pick<CatalogueFood, "protein_per_100g" | "carbs_per_100g" | "fat_per_100g">) {
  return macroPercentages({ protein: food.protein_per_100g, carbs: food.carbs_per_100g, fat: food.fat_per_100g });
}
