import { z } from "zod";
import type { PlateRole } from "@/generation/meals/plate";

/**
 * One part of a meal, e.g. "a protein". `roles` are acceptable plate roles in
 * order of preference (the first role with a usable food that suits the meal
 * wins), so a vegan plan without a main protein falls back to legumes instead
 * of leaving a gap. The meal patterns (meals/meal-patterns.ts) say what a meal
 * must hold; these are the planner's way of filling one.
 */
export type MealComponent = {
  roles: readonly PlateRole[];
  /**
   * Use a later role only when earlier ones have nothing usable (breakfast's
   * protein is dairy or eggs unless there is none). Without it, a later role
   * may win on macro fit.
   */
  strictOrder?: boolean;
};

export type MealSlot = {
  name: string;
  /** Share of the day's energy this meal should carry (shares of a day sum to 1). */
  energyShare: number;
  components: readonly MealComponent[];
};

const BREAKFAST: MealSlot = {
  name: "Breakfast",
  energyShare: 0.25,
  components: [
    { roles: ["protein_side", "supplement"], strictOrder: true },
    { roles: ["starch"] },
    { roles: ["fruit"] },
  ],
};
// Lunch and dinner are built the way a coach plates them: protein, starch,
// vegetable, plus a fat source (cooking oil, avocado).
const mainMeal = (name: string, energyShare: number): MealSlot => ({
  name,
  energyShare,
  components: [
    { roles: ["main_protein", "protein_side"], strictOrder: true },
    { roles: ["starch"] },
    { roles: ["vegetable"] },
    { roles: ["fat"] },
  ],
});
const LUNCH = mainMeal("Lunch", 0.32);
const DINNER = mainMeal("Dinner", 0.33);
const snack = (name: string): MealSlot => ({
  name,
  energyShare: 0.1,
  components: [{ roles: ["protein_side", "fruit"] }, { roles: ["fruit", "fat", "starch"] }],
});

/**
 * The meals of a day for a meals_per_day of 3 to 6 (clamped): breakfast,
 * lunch, dinner, then snacks in between. Shares are renormalised to sum to 1.
 */
export function mealSlotsFor(mealsPerDay: number): MealSlot[] {
  const count = Math.min(6, Math.max(3, Math.round(mealsPerDay)));
  const layouts: Record<number, MealSlot[]> = {
    3: [BREAKFAST, LUNCH, DINNER],
    4: [BREAKFAST, LUNCH, snack("Afternoon snack"), DINNER],
    5: [BREAKFAST, snack("Morning snack"), LUNCH, snack("Afternoon snack"), DINNER],
    6: [BREAKFAST, snack("Morning snack"), LUNCH, snack("Afternoon snack"), DINNER, snack("Evening snack")],
  };
  const slots = layouts[count] ?? [BREAKFAST, LUNCH, DINNER];
  const total = slots.reduce((sum, slot) => sum + slot.energyShare, 0);
  return slots.map((slot) => ({ ...slot, energyShare: slot.energyShare / total }));
}

/**
 * The slot whose name this meal carries, whatever its case and spacing
 * ("lunch", " Afternoon Snack"), from the largest layout; undefined for any
 * other name.
 */
export function slotNamed(name: string): MealSlot | undefined {
  const key = name.trim().toLowerCase().replace(/\s+/g, " ");
  return mealSlotsFor(6).find((slot) => slot.name.toLowerCase() === key);
}

/** Every meal name a day may have (the largest layout's, in order). */
export const MEAL_NAMES = mealSlotsFor(6).map((slot) => slot.name) as [string, ...string[]];

/** A meal of a day by its name, wherever one crosses a boundary (the meal regeneration's event). */
export const MealNameSchema = z.enum(MEAL_NAMES);

/**
 * A meal named in a URL ("lunch", "afternoon-snack", "Afternoon%20snack"
 * decoded) as the day names it; undefined for any other text.
 */
export function mealFromParam(param: string): string | undefined {
  return slotNamed(param.replace(/[-_]+/g, " "))?.name;
}
