/**
 * The meal model of the catalogue: what each food is on a plate and which
 * meals it suits. Every rule a meal pattern (meal-patterns.ts) checks is
 * written in terms of these, so this file is the one place that says what a
 * role means.
 *
 * Roles, and the rule each follows:
 *
 * | role           | what it is                                   | rule on a plate                                          |
 * | -------------- | -------------------------------------------- | -------------------------------------------------------- |
 * | `main_protein` | meat, fish, seafood, tofu, tempeh, seitan    | the centre of a lunch or dinner; at most one per meal;   |
 * |                |                                              | never at breakfast (its meal types say so)               |
 * | `protein_side` | eggs, yoghurt, cottage cheese, cheese,       | a protein that is not a main course: a breakfast base,   |
 * |                | legumes, hummus                              | a snack, or the protein of a plant-based lunch           |
 * | `starch`       | grains, breads, cereals, potatoes, pasta,    | at most two per meal; a lunch or dinner has one unless   |
 * |                | crackers                                     | the split leaves no room for carbohydrate                |
 * | `vegetable`    | vegetables                                   | every lunch and dinner has one in a real amount          |
 * | `fruit`        | fresh and dried fruit                        | breakfast or snack                                       |
 * | `fat`          | oils, butter, avocado, nuts, seeds           | optional; oils and spreads within their per-meal amount; |
 * |                |                                              | a snack of fats alone is not a snack                     |
 * | `drink`        | milks and plant milks, kefir                 | beside a meal, never the meal; within its per-meal amount|
 * | `condiment`    | salsa and sauces                             | beside a meal, never the meal; within its amount         |
 * | `supplement`   | protein powders and bars                     | breakfast or snack only, within its per-meal amount      |
 *
 * Meal types: a food lists the meals it suits (`breakfast`, `lunch`,
 * `dinner`, `snack`); a plan never serves it at any other. `max_per_meal_g`
 * is the most of the food one meal holds on a 2,000 kcal day, where that
 * makes sense (milks and drinks, oils, nuts and seeds, powders, condiments);
 * null elsewhere. A bigger day's meals hold more (mealAmountCap in
 * meal-patterns.ts).
 *
 * A coach's own food gets its role, meal types and amount from its food group
 * (FOOD_GROUP_PLATE_DEFAULTS, the same values the foods table's trigger
 * writes), and the coach may change them.
 */

export const PLATE_ROLES = [
  "main_protein",
  "protein_side",
  "starch",
  "vegetable",
  "fruit",
  "fat",
  "drink",
  "condiment",
  "supplement",
] as const;
export type PlateRole = (typeof PLATE_ROLES)[number];

export const MEAL_TYPES = ["breakfast", "lunch", "dinner", "snack"] as const;
export type MealType = (typeof MEAL_TYPES)[number];

/** A role's name as a coach reads it (day cards, miss reasons, the eval report). */
export const PLATE_ROLE_LABELS: Readonly<Record<PlateRole, string>> = {
  main_protein: "main protein",
  protein_side: "protein side",
  starch: "starch",
  vegetable: "vegetable",
  fruit: "fruit",
  fat: "fat",
  drink: "drink",
  condiment: "condiment",
  supplement: "supplement",
};

/** The plate model of one food. */
export type PlateFacts = {
  plate_role: PlateRole;
  meal_types: MealType[];
  max_per_meal_g: number | null;
};

/**
 * What a food of each group is on a plate unless said otherwise: the values a
 * coach's own food starts with (supabase/migrations/..._meal_model.sql writes
 * the same from its trigger; a test holds the two together).
 */
export const FOOD_GROUP_PLATE_DEFAULTS = {
  breakfast: { plate_role: "starch", meal_types: ["breakfast"], max_per_meal_g: null },
  protein: { plate_role: "main_protein", meal_types: ["lunch", "dinner"], max_per_meal_g: null },
  starch: { plate_role: "starch", meal_types: ["lunch", "dinner"], max_per_meal_g: null },
  vegetable: { plate_role: "vegetable", meal_types: ["lunch", "dinner"], max_per_meal_g: null },
  fruit: { plate_role: "fruit", meal_types: ["breakfast", "snack"], max_per_meal_g: null },
  dairy: { plate_role: "protein_side", meal_types: ["breakfast", "snack"], max_per_meal_g: null },
  fat: { plate_role: "fat", meal_types: ["breakfast", "lunch", "dinner"], max_per_meal_g: 30 },
  snack: { plate_role: "starch", meal_types: ["snack"], max_per_meal_g: null },
} as const satisfies Record<string, PlateFacts>;

/** The meal type a meal's name says ("Afternoon snack" is a snack; any name that is no main meal is one). */
export function mealTypeOf(name: string): MealType {
  if (/breakfast|brunch/i.test(name)) return "breakfast";
  if (/lunch/i.test(name)) return "lunch";
  if (/dinner|supper/i.test(name)) return "dinner";
  return "snack";
}

/** Breakfast, lunch and dinner: the meals that carry a useful amount of protein. */
export function isMainMealType(type: MealType): boolean {
  return type !== "snack";
}

/** True when the food may be served at a meal of this type. */
export function suitsMeal(food: Pick<PlateFacts, "meal_types">, type: MealType): boolean {
  return food.meal_types.includes(type);
}
