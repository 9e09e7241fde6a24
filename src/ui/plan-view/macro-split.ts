import type { MacroSplit } from "@/generation/generation-config";
import { type MacroGrams, macroPercentages } from "@/generation/nutrition/macros";
import type { PlanDay, Totals } from "@/ui/api/api-types";

export type MacroKey = "protein" | "carb" | "fat";

export const MACRO_LABELS: Record<MacroKey, string> = { protein: "Protein", carb: "Carbohydrate", fat: "Fat" };
/** The order the charts draw the macros in, and the MacroSplit field holding each one's share. */
const MACRO_ORDER: readonly { key: MacroKey; field: keyof MacroSplit }[] = [
  { key: "protein", field: "protein_pct" },
  { key: "carb", field: "carb_pct" },
  { key: "fat", field: "fat_pct" },
];

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
 * The planner's share of energy from each macro (macroPercentages), in whole
 * percent adding up to exactly 100 (largest remainders get the rounding), or
 * null when there is no energy.
 */
export function macroEnergyPercentages(totals: MacroGrams): MacroSplit | null {
  const exact = macroPercentages(totals);
  const total = MACRO_ORDER.reduce((sum, { field }) => sum + exact[field], 0);
  if (!Number.isFinite(total) || total <= 0) return null;

  const rounded: MacroSplit = { protein_pct: 0, carb_pct: 0, fat_pct: 0 };
  for (const { field } of MACRO_ORDER) rounded[field] = Math.floor(exact[field]);
  let missing = 100 - MACRO_ORDER.reduce((sum, { field }) => sum + rounded[field], 0);
  const byRemainder = [...MACRO_ORDER].sort((first, second) => (exact[second.field] % 1) - (exact[first.field] % 1));
  for (const { field } of byRemainder) {
    if (missing <= 0) break;
    rounded[field] += 1;
    missing -= 1;
  }
  return rounded;
}

export type MacroSegment = { key: MacroKey; label: string; percent: number; x: number; width: number };

/** One stacked bar: protein, then carbohydrate, then fat, each as wide as its share of `width`. */
export function stackedSegments(split: MacroSplit, width: number): MacroSegment[] {
  const total = MACRO_ORDER.reduce((sum, { field }) => sum + Math.max(0, split[field]), 0);
  let x = 0;
  return MACRO_ORDER.map(({ key, field }) => {
    const percent = Math.max(0, split[field]);
    const segmentWidth = total > 0 ? (percent / total) * width : 0;
    const segment = { key, label: MACRO_LABELS[key], percent, x, width: segmentWidth };
    x += segmentWidth;
    return segment;
  });
}
