import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { minBy } from "@/generation/shared/min-by";

/** A portion to round; `range`, when given, bounds the grams the drift correction may give it. */
export type Portion = {
  food: Pick<CatalogueFood, "kcal_per_100g">;
  grams: number;
  range?: { lower: number; upper: number };
};

/** 5 g steps for portions from 40 g (a coach writes "150 g", not "147 g"); whole grams below, never under 1 g. */
export function presentableGrams(grams: number): number {
  if (grams >= 40) return Math.round(grams / 5) * 5;
  return Math.max(1, Math.round(grams));
}

/** Whole grams, never below 1 g (a 0 g item would be meaningless on a plan). */
export function wholeGrams(grams: number): number {
  return Math.max(1, Math.round(grams));
}

/**
 * Round portions to presentable grams while keeping the day's energy on
 * target. Rounding each item moves the total a little (up to half a step
 * times the food's energy density, per item); when the total drifts past
 * `maxRelativeError`, one item's grams are adjusted to close the gap (up to
 * three times), never past that portion's own `range`. Grams never exceed
 * `maxGrams` (the database allows at most 2000 g per item). Returns the new
 * grams in the same order.
 */
export function roundPortionsToTarget(
  portions: readonly Portion[],
  targetKcal: number,
  options: { roundGrams?: (grams: number) => number; maxRelativeError?: number; maxGrams?: number } = {},
): number[] {
  const roundGrams = options.roundGrams ?? wholeGrams;
  const maxRelativeError = options.maxRelativeError ?? 0.01;
  const maxGrams = options.maxGrams ?? Number.POSITIVE_INFINITY;
  const grams = portions.map((portion) => Math.min(maxGrams, roundGrams(portion.grams)));
  const density = portions.map((portion) => portion.food.kcal_per_100g / 100);
  const total = () => grams.reduce((sum, g, i) => sum + g * (density[i] ?? 0), 0);

  for (let attempt = 0; attempt < 3; attempt++) {
    const gap = targetKcal - total();
    if (targetKcal <= 0 || Math.abs(gap) / targetKcal <= maxRelativeError) break;
    // Among adjustments that land within tolerance, take the one that changes
    // its portion least (relative to its size), so 10 g of salad leaves is not
    // bent to fix what 2 g of rice would; otherwise take the closest landing.
    const options = grams.flatMap((current, index) => {
      const perGram = density[index] ?? 0;
      if (perGram <= 0) return [];
      const range = portions[index]?.range;
      const lower = Math.max(1, Math.ceil(range?.lower ?? 1));
      const upper = Math.min(maxGrams, Math.floor(range?.upper ?? maxGrams));
      const adjusted = Math.min(upper, Math.max(lower, current + Math.round(gap / perGram)));
      if (adjusted === current) return [];
      const residual = Math.abs(gap - (adjusted - current) * perGram);
      return [{ index, grams: adjusted, residual, change: Math.abs(adjusted - current) / current }];
    });
    const acceptable = options.filter((option) => option.residual / targetKcal <= maxRelativeError);
    const best =
      acceptable.length > 0
        ? minBy(acceptable, (option) => option.change)
        : minBy(options, (option) => option.residual);
    if (!best) break;
    grams[best.index] = best.grams;
  }
  return grams;
}
