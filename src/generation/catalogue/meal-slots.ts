import type { CatalogueFood, FoodGroup } from "./catalogue";

/** The groups that count as a meal's protein food (a main meal needs one): meat, fish, eggs, legumes, tofu; dairy. */
const PROTEIN_FOOD_GROUPS: ReadonlySet<FoodGroup> = new Set<FoodGroup>(["protein", "dairy"]);

export function isProteinFood(food: Pick<CatalogueFood, "food_group">): boolean {
  return PROTEIN_FOOD_GROUPS.has(food.food_group);
}

/**
 * One part of a meal, e.g. "a protein". `groups` are acceptable food groups in
 * order of preference (the first group with a usable food wins), so a vegan
 * plan without dairy falls back to the next group instead of leaving a gap.
 */
export type MealComponent = {
  groups: readonly FoodGroup[];
  /**
   * Use a later group only when earlier ones have nothing usable (breakfast's
   * protein is dairy unless there is none; fish is not a breakfast swap for
   * yoghurt). Without it, a later group may win on macro fit.
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
    { groups: ["breakfast", "starch"], strictOrder: true },
    { groups: ["dairy", "protein"], strictOrder: true },
    { groups: ["fruit"] },
  ],
};
// Lunch and dinner are built the way a coach plates them: protein, starch,
// vegetable, plus a fat source (cooking oil, avocado, nuts).
const mainMeal = (name: string, energyShare: number): MealSlot => ({
  name,
  energyShare,
  components: [{ groups: ["protein"] }, { groups: ["starch"] }, { groups: ["vegetable"] }, { groups: ["fat"] }],
});
const LUNCH = mainMeal("Lunch", 0.32);
const DINNER = mainMeal("Dinner", 0.33);
const snack = (name: string): MealSlot => ({
  name,
  energyShare: 0.1,
  components: [{ groups: ["snack", "dairy", "fruit"] }, { groups: ["fruit", "dairy"] }],
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

/** Breakfast, lunch and dinner (by name): the meals that need a protein food. Snacks need not. */
export function isMainMealName(name: string): boolean {
  return /breakfast|brunch|lunch|dinner|supper/i.test(name);
}

/** Breakfast (by name): it takes dairy or eggs for its protein rather than a lunch's chicken. */
export function isBreakfastName(name: string): boolean {
  return /breakfast|brunch/i.test(name);
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
