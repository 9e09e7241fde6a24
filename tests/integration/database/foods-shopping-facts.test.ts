import { describe, expect, it } from "vitest";
import { FOOD_GROUPS, type FoodGroup } from "@/generation/catalogue/catalogue";
import { FOOD_GROUP_AISLES, SHOPPING_FACT_COLUMNS, ShoppingFactsSchema } from "@/generation/grocery/shopping-facts";
import { db } from "@/server/database/index";
import { insertOwnFood } from "../../support/own-food";

/**
 * The shopping facts in the foods table (supabase/migrations/..._foods_shopping_facts.sql),
 * tested as the coach role that writes an org's own foods: a food inserted
 * without them is bought under its own name in its group's aisle (the same
 * table as FOOD_GROUP_AISLES in src/generation/grocery/shopping-facts.ts), as
 * eaten and by weight; the coach may set them; the checks refuse values outside
 * the model; and the seed sets every global food's explicitly.
 */

const insertFood = (group: FoodGroup, extra?: Record<string, unknown>) =>
  insertOwnFood(group, SHOPPING_FACT_COLUMNS, extra);

describe("the shopping facts of a coach's own food", () => {
  it.each(FOOD_GROUPS)("a %s food is bought under its own name, in its group's aisle, as eaten", async (group) => {
    const food = await insertFood(group);
    expect(ShoppingFactsSchema.parse(food)).toEqual({
      buy_as: food.name,
      aisle: FOOD_GROUP_AISLES[group],
      cooked_yield: 1,
      count_unit: null,
      grams_per_unit: null,
    });
  });

  it("keeps what the coach sets", async () => {
    const food = await insertFood("starch", {
      buy_as: "Spelt (dry)",
      aisle: "grains_pasta",
      cooked_yield: 2.6,
      count_unit: "bag",
      grams_per_unit: 500,
    });
    expect(ShoppingFactsSchema.parse(food)).toEqual({
      buy_as: "Spelt (dry)",
      aisle: "grains_pasta",
      cooked_yield: 2.6,
      count_unit: "bag",
      grams_per_unit: 500,
    });
  });

  it("refuses an unknown aisle, an impossible yield, and a count unit without its grams", async () => {
    await expect(insertFood("fruit", { aisle: "fruit" })).rejects.toThrow(/check constraint/);
    await expect(insertFood("starch", { cooked_yield: 0 })).rejects.toThrow(/check constraint/);
    await expect(insertFood("starch", { cooked_yield: 12 })).rejects.toThrow(/check constraint/);
    await expect(insertFood("breakfast", { count_unit: "slice" })).rejects.toThrow(/check constraint/);
    await expect(insertFood("breakfast", { grams_per_unit: 30 })).rejects.toThrow(/check constraint/);
    await expect(insertFood("breakfast", { buy_as: "  " })).rejects.toThrow(/check constraint/);
  });
});

describe("the seeded catalogue's shopping facts", () => {
  it("buys cooked grains and legumes dry, meat raw, and counts eggs, slices, tortillas, cans, rice cakes and melons", async () => {
    const rows = await db()<Record<string, unknown>[]>`
      select name, ${db()(SHOPPING_FACT_COLUMNS)} from foods where org_id is null and name in
        ('Bulgur, cooked', 'Oatmeal, cooked with water', 'Lentils, cooked, boiled', 'Chicken breast, meat only, roasted',
         'Egg, whole, hard-boiled', 'Bread, rye', 'Corn tortillas', 'Tuna, light, canned in water, drained',
         'Rice cakes, brown rice, plain', 'Cantaloupe, raw', 'Pineapple, raw')
      order by name`;
    expect(
      Object.fromEntries(rows.map(({ name, ...facts }) => [name, ShoppingFactsSchema.parse(facts)])),
    ).toMatchObject({
      "Bulgur, cooked": { buy_as: "Bulgur (dry)", aisle: "grains_pasta", cooked_yield: 4.1 },
      "Oatmeal, cooked with water": { buy_as: "Oats, rolled (dry)", cooked_yield: 5.3 },
      "Lentils, cooked, boiled": { buy_as: "Lentils (dry)", aisle: "canned_dried", cooked_yield: 3 },
      "Chicken breast, meat only, roasted": { aisle: "meat_fish", cooked_yield: 0.75 },
      "Egg, whole, hard-boiled": { buy_as: "Eggs, large", count_unit: "egg", grams_per_unit: 50 },
      "Bread, rye": { aisle: "bakery", count_unit: "slice" },
      "Corn tortillas": { aisle: "bakery", count_unit: "tortilla" },
      "Tuna, light, canned in water, drained": { count_unit: "can", grams_per_unit: 112 },
      "Rice cakes, brown rice, plain": { count_unit: "rice cake", grams_per_unit: 9 },
      // Bought whole, at USDA's medium size: a list says "3 melons", not "1.6 kg".
      "Cantaloupe, raw": { aisle: "produce", count_unit: "melon", grams_per_unit: 552 },
      "Pineapple, raw": { aisle: "produce", count_unit: "pineapple", grams_per_unit: 905 },
    });
  });

  it("sets every global food's facts in the seed: every bread is in the bakery, no cooked food is bought cooked", async () => {
    const rows = await db()<
      { name: string; food_group: string; buy_as: string; aisle: string; cooked_yield: string }[]
    >`
      select name, food_group, buy_as, aisle, cooked_yield from foods where org_id is null`;
    expect(rows.length).toBeGreaterThan(200);
    for (const row of rows) ShoppingFactsSchema.parse({ ...row, count_unit: null, grams_per_unit: null });
    expect(rows.filter((row) => /\bbread\b/i.test(row.name) && row.aisle !== "bakery")).toEqual([]);
    expect(rows.filter((row) => /\bcooked\b/i.test(row.buy_as))).toEqual([
      expect.objectContaining({ name: "Crab, blue, cooked, moist heat" }),
      expect.objectContaining({ name: "Mussels, blue, cooked, moist heat" }),
    ]);
    // Cooked grains, pasta and noodles are bought dry, at a yield above 2.
    const cookedStarches = rows.filter((row) => row.food_group === "starch" && /, cooked$/.test(row.name));
    expect(cookedStarches.length).toBeGreaterThan(15);
    expect(cookedStarches.filter((row) => !row.buy_as.endsWith("(dry)") || Number(row.cooked_yield) < 2)).toEqual([]);
  });
});
