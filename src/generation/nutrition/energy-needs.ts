import { z } from "zod";
import { CALORIE_TARGET_RANGE } from "@/generation/intake/intake";
import { KCAL_PER_GRAM } from "./macros";

/**
 * The new-plan form's energy calculator, pure: resting energy by the
 * Mifflin-St Jeor equation (1990), times an activity factor, adjusted for the
 * goal, gives the suggested calorie target; protein is grams per kg of body
 * weight. The figures below are the ones the form's help text states.
 */

/** Activity factors (physical activity level) applied to resting energy. */
export const ACTIVITY_FACTORS = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  very: 1.725,
  extra: 1.9,
} as const;
export type ActivityLevel = keyof typeof ACTIVITY_FACTORS;

/** What each goal does to the day's energy: lose 15 % below it, maintain it, gain 10 % above it. */
export const GOAL_ADJUSTMENTS = { lose: -0.15, maintain: 0, gain: 0.1 } as const;
export type EnergyGoal = keyof typeof GOAL_ADJUSTMENTS;

/** Protein in grams per kg of body weight, unless the coach changes it. */
export const DEFAULT_PROTEIN_G_PER_KG = 1.6;

/** The ranges an adult's real figures fall in: what the calculator accepts, and what its fields say. */
export const ENERGY_INPUT_RANGES = {
  weightKg: { min: 30, max: 300 },
  heightCm: { min: 120, max: 230 },
  ageYears: { min: 18, max: 100 },
  proteinGPerKg: { min: 0.8, max: 3 },
} as const;
const ranges = ENERGY_INPUT_RANGES;

/** The calculator's inputs, as numbers, inside ENERGY_INPUT_RANGES. */
export const EnergyInputsSchema = z.object({
  weightKg: z.number().min(ranges.weightKg.min).max(ranges.weightKg.max),
  heightCm: z.number().min(ranges.heightCm.min).max(ranges.heightCm.max),
  ageYears: z.number().int().min(ranges.ageYears.min).max(ranges.ageYears.max),
  sex: z.enum(["female", "male"]),
  activity: z.enum(Object.keys(ACTIVITY_FACTORS) as [ActivityLevel, ...ActivityLevel[]]),
  goal: z.enum(Object.keys(GOAL_ADJUSTMENTS) as [EnergyGoal, ...EnergyGoal[]]),
  proteinGPerKg: z.number().min(ranges.proteinGPerKg.min).max(ranges.proteinGPerKg.max),
});
export type EnergyInputs = z.output<typeof EnergyInputsSchema>;

/** Resting energy in kcal/day: 10 × kg + 6.25 × cm − 5 × years, + 5 for men, − 161 for women. */
export function mifflinStJeor(input: Pick<EnergyInputs, "weightKg" | "heightCm" | "ageYears" | "sex">): number {
  return 10 * input.weightKg + 6.25 * input.heightCm - 5 * input.ageYears + (input.sex === "male" ? 5 : -161);
}

export type EnergySuggestion = {
  /** Resting energy (Mifflin-St Jeor), kcal/day, unrounded. */
  restingKcal: number;
  /** Resting energy times the activity factor, kcal/day, unrounded. */
  maintenanceKcal: number;
  /** The suggested calorie target: maintenance adjusted for the goal, to the nearest 10 kcal, within 800-6000. */
  calorieTarget: number;
  /** Grams of protein a day (g/kg × weight), whole grams. */
  proteinGrams: number;
  /** That protein as a share of the calorie target, whole percent. */
  proteinPct: number;
};

/** The suggestion for one client's figures. */
export function suggestEnergy(input: EnergyInputs): EnergySuggestion {
  const restingKcal = mifflinStJeor(input);
  const maintenanceKcal = restingKcal * ACTIVITY_FACTORS[input.activity];
  const adjusted = maintenanceKcal * (1 + GOAL_ADJUSTMENTS[input.goal]);
  // Kept inside what the plan schema accepts.
  const calorieTarget = Math.min(
    CALORIE_TARGET_RANGE.max,
    Math.max(CALORIE_TARGET_RANGE.min, Math.round(adjusted / 10) * 10),
  );
  const proteinGrams = Math.round(input.weightKg * input.proteinGPerKg);
  const proteinPct = Math.round((proteinGrams * KCAL_PER_GRAM.protein * 100) / calorieTarget);
  return { restingKcal, maintenanceKcal, calorieTarget, proteinGrams, proteinPct };
}

/**
 * The macro split with the suggested protein: fat keeps its share, carbohydrate
 * takes what is left (the three still add up to 100). When protein and fat
 * leave carbohydrate less than nothing, fat gives way.
 */
export function splitWithProtein(
  proteinPct: number,
  current: { carb_pct: number; fat_pct: number },
): { protein_pct: number; carb_pct: number; fat_pct: number } {
  const protein = Math.min(100, Math.max(0, proteinPct));
  const fat = Math.min(Math.max(0, current.fat_pct), 100 - protein);
  return { protein_pct: protein, carb_pct: 100 - protein - fat, fat_pct: fat };
}
