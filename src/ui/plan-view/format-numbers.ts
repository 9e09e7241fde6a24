import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";

const wholeNumber = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** "2,010 kcal". */
export function formatKcal(kcal: number): string {
  return `${wholeNumber.format(kcal)} kcal`;
}

/** Macro grams to the gram: "142 g". */
export function formatMacroGrams(grams: number): string {
  return `${wholeNumber.format(grams)} g`;
}

/**
 * How far a day is from its calorie target, in words and signs that read the
 * same aloud: "1.5% over target", "2% under target", "on target".
 */
export function describeOffTarget(percent: number | null): string | null {
  if (percent === null || !Number.isFinite(percent)) return null;
  const rounded = Math.round(percent * 10) / 10;
  if (rounded === 0) return "on target";
  return rounded > 0 ? `${rounded}% over target` : `${Math.abs(rounded)}% under target`;
}

/** Days within the calorie scaler's own tolerance count as on target; anything further is flagged. */
// Rounded to a tenth: 0.03 * 100 is 3.0000000000000004 in floating point, which would show in the legend.
export const ON_TARGET_TOLERANCE_PERCENT = Math.round(DEFAULT_GENERATION_CONFIG.calorieTolerance * 1000) / 10;

export function isNearTarget(percent: number | null): boolean {
  return percent === null || Math.abs(percent) <= ON_TARGET_TOLERANCE_PERCENT;
}
