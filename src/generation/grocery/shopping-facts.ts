import { z } from "zod";
import { FOOD_GROUPS, type FoodGroup, fromDatabaseNumber } from "@/generation/catalogue/catalogue";

/**
 * What a grocery list needs to know of a food, beyond what the planner reads:
 * the columns buy_as, aisle, cooked_yield, count_unit and grams_per_unit of
 * `foods` (supabase/migrations/20261206140000_foods_shopping_facts.sql says
 * what each means and where the yields come from).
 */

/** The grocery list's sections, in the order a shopper walks a typical store. */
export const AISLES = [
  "produce",
  "bakery",
  "meat_fish",
  "dairy_eggs",
  "grains_pasta",
  "breakfast_cereals",
  "canned_dried",
  "frozen",
  "nuts_seeds",
  "oils_condiments",
  "snacks",
  "supplements",
] as const;
export type Aisle = (typeof AISLES)[number];

export const AISLE_LABELS: Readonly<Record<Aisle, string>> = {
  produce: "Fruit and vegetables",
  bakery: "Bread and bakery",
  meat_fish: "Meat and fish",
  dairy_eggs: "Dairy, eggs and chilled",
  grains_pasta: "Rice, grains and pasta",
  breakfast_cereals: "Oats and cereals",
  canned_dried: "Cans, jars and dried beans",
  frozen: "Frozen",
  nuts_seeds: "Nuts, seeds and dried fruit",
  oils_condiments: "Oils and condiments",
  snacks: "Snacks",
  supplements: "Protein powders",
};

/**
 * The aisle a coach's own food starts in, by food group (the foods table's
 * trigger foods_shopping_defaults writes the same; a test holds the two together).
 */
export const FOOD_GROUP_AISLES = {
  breakfast: "breakfast_cereals",
  protein: "meat_fish",
  starch: "grains_pasta",
  vegetable: "produce",
  fruit: "produce",
  dairy: "dairy_eggs",
  fat: "oils_condiments",
  snack: "snacks",
} as const satisfies Record<FoodGroup, Aisle>;

export type ShoppingFacts = {
  /** The name to buy the food under, in the form it is sold ("Bulgur (dry)"). */
  buy_as: string;
  aisle: Aisle;
  /** Grams as eaten per gram as bought: the list buys grams eaten / cooked_yield. */
  cooked_yield: number;
  /** The unit people count it in ("egg"), singular; null when bought by weight. */
  count_unit: string | null;
  /** Grams of one unit as bought; set exactly when count_unit is. */
  grams_per_unit: number | null;
};

/** The shopping facts of one `foods` row as read from the database (numbers may arrive as strings). */
export const ShoppingFactsSchema = z
  .object({
    buy_as: z.string().trim().min(1).max(120),
    aisle: z.enum(AISLES),
    cooked_yield: fromDatabaseNumber(z.number().finite().min(0.2).max(8)),
    count_unit: z.string().trim().min(1).max(30).nullable(),
    grams_per_unit: fromDatabaseNumber(z.number().finite().positive().max(5000)).nullable(),
  })
  .refine((facts) => (facts.count_unit === null) === (facts.grams_per_unit === null), {
    message: "count_unit and grams_per_unit are set together",
  });

/** The `foods` columns the shopping facts are read from. */
export const SHOPPING_FACT_COLUMNS = ["buy_as", "aisle", "cooked_yield", "count_unit", "grams_per_unit"] as const;

/** What a food without stored facts is bought as: under its own name, in its group's aisle, as eaten. */
export function defaultShoppingFacts(food: { food_name: string; food_group: string }): ShoppingFacts {
  const group = FOOD_GROUPS.find((known) => known === food.food_group);
  return {
    buy_as: food.food_name,
    aisle: group ? FOOD_GROUP_AISLES[group] : "snacks",
    cooked_yield: 1,
    count_unit: null,
    grams_per_unit: null,
  };
}
