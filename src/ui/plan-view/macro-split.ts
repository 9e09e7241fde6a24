import type { PlanDay, Totals } from "@/ui/api/api-types";

export type MacroKey = "protein" | "carb" | "fat";
export type MacroPercentages = Record<MacroKey, number>;

/** Energy per gram (Atwater factors): how macro grams become a share of the day's kcal. */
export const KCAL_PER_GRAM: Record<MacroKey, number> = { protein: 4, carb: 4, fat: 9 };

export const MACRO_LABELS: Record<MacroKey, string> = { protein: "Protein", carb: "Carbohydrate", fat: "Fat" };
const MACRO_ORDER: readonly MacroKey[] = ["protein", "carb", "fat"];

/** The plan's average day, or null for a plan with no days yet. */
export function averageDailyTotals(days: readonly Pick<PlanDay, "totals">[]): Totals | null {
  if (days.length === 0) return null;
  const sum = { kcal: 0, protein: 0, carbs: 0, fat: 0 };
  for (const { totals } of days) {
    sum.kcal += Number(totals.kcal) || 0;
    sum.protein += Number(totals.protein) || 0;
    sum.carbs += Number(totals.carbs) || 0;
    sum.fat += Number(totals.fat) || 0;
  }
  return {
    kcal: sum.kcal / days.length,
    protein: sum.protein / days.length,
    carbs: sum.carbs / days.length,
    fat: sum.fat / days.length,
  };
}

/**
 * The share of energy from each macro, in whole percent adding up to exactly
 * 100 (largest remainders get the rounding), or null when there is no energy.
 */
export function macroEnergyPercentages(totals: Pick<Totals, "protein" | "carbs" | "fat">): MacroPercentages | null {
  const energy: MacroPercentages = {
    protein: Math.max(0, totals.protein) * KCAL_PER_GRAM.protein,
    carb: Math.max(0, totals.carbs) * KCAL_PER_GRAM.carb,
    fat: Math.max(0, totals.fat) * KCAL_PER_GRAM.fat,
  };
  const total = energy.protein + energy.carb + energy.fat;
  if (!Number.isFinite(total) || total <= 0) return null;

  const exact = MACRO_ORDER.map((key) => ({ key, value: (energy[key] / total) * 100 }));
  const rounded: MacroPercentages = { protein: 0, carb: 0, fat: 0 };
  for (const { key, value } of exact) rounded[key] = Math.floor(value);
  let missing = 100 - (rounded.protein + rounded.carb + rounded.fat);
  const byRemainder = [...exact].sort((first, second) => (second.value % 1) - (first.value % 1));
  for (const { key } of byRemainder) {
    if (missing <= 0) break;
    rounded[key] += 1;
    missing -= 1;
  }
  return rounded;
}

/** The target split as the API stores it, in the same shape as the computed one. */
export function targetPercentages(split: { protein_pct: number; carb_pct: number; fat_pct: number }): MacroPercentages {
  return { protein: split.protein_pct, carb: split.carb_pct, fat: split.fat_pct };
}

export type MacroSegment = { key: MacroKey; label: string; percent: number; x: number; width: number };

/** One stacked bar: protein, then carbohydrate, then fat, each as wide as its share of `width`. */
export function stackedSegments(percentages: MacroPercentages, width: number): MacroSegment[] {
  const total = MACRO_ORDER.reduce((sum, key) => sum + Math.max(0, percentages[key]), 0);
  let x = 0;
  return MACRO_ORDER.map((key) => {
    const percent = Math.max(0, percentages[key]);
    const segmentWidth = total > 0 ? (percent / total) * width : 0;
    const segment = { key, label: MACRO_LABELS[key], percent, x, width: segmentWidth };
    x += segmentWidth;
    return segment;
  });
}

/** The grams of each macro a day needs to meet the kcal target with the target split. */
export function macroTargetGrams(
  kcal: number,
  split: { protein_pct: number; carb_pct: number; fat_pct: number },
): Pick<Totals, "protein" | "carbs" | "fat"> {
  return {
    protein: (kcal * split.protein_pct) / 100 / KCAL_PER_GRAM.protein,
    carbs: (kcal * split.carb_pct) / 100 / KCAL_PER_GRAM.carb,
    fat: (kcal * split.fat_pct) / 100 / KCAL_PER_GRAM.fat,
  };
}
