import { describe, expect, it } from "vitest";
import {
  CATALOGUE_COLUMNS,
  CatalogueFoodSchema,
  FOOD_GROUPS,
  type FoodGroup,
  plateDefaults,
} from "@/generation/catalogue/catalogue";
import { asUser, db } from "@/server/database/index";
import { demoCoach, insertOwnFood } from "../../support/own-food";

/**
 * The meal model in the foods table (supabase/migrations/..._foods_meal_model.sql),
 * tested as the coach role that writes an org's own foods: a food inserted
 * without a role, meal types or per-meal amount gets its group's defaults (the
 * same table as FOOD_GROUP_PLATE_DEFAULTS in src/generation/meals/plate.ts),
 * the coach may change them, and the checks refuse values outside the model.
 */

const insertFood = (group: FoodGroup, extra?: Record<string, unknown>) =>
  insertOwnFood(group, CATALOGUE_COLUMNS, extra);

describe("the meal model of a coach's own food", () => {
  it.each(FOOD_GROUPS)(
    "takes the %s group's role, meal types and per-meal amount when none is given",
    async (group) => {
      const food = CatalogueFoodSchema.parse(await insertFood(group));
      expect({
        plate_role: food.plate_role,
        meal_types: food.meal_types,
        max_per_meal_g: food.max_per_meal_g,
      }).toEqual(plateDefaults(group));
    },
  );

  it("keeps what the coach sets, and lets the coach change it", async () => {
    const food = await insertFood("dairy", { plate_role: "drink", meal_types: ["breakfast"], max_per_meal_g: 250 });
    expect(food).toMatchObject({ plate_role: "drink", meal_types: ["breakfast"] });
    expect(Number(food.max_per_meal_g)).toBe(250);
    const [[changed]] = await asUser(demoCoach, (tx) => [
      tx`update foods set meal_types = ${["breakfast", "snack"]} where id = ${food.id as string}
         returning meal_types, plate_role`,
    ]);
    expect(changed).toEqual({ meal_types: ["breakfast", "snack"], plate_role: "drink" });
  });

  it("refuses a role or a meal type outside the model, and an empty list of meals", async () => {
    await expect(insertFood("protein", { plate_role: "dessert" })).rejects.toThrow(/check constraint/);
    await expect(insertFood("protein", { meal_types: ["brunch"] })).rejects.toThrow(/check constraint/);
    await expect(insertFood("protein", { meal_types: [] })).rejects.toThrow(/check constraint/);
    await expect(insertFood("fat", { max_per_meal_g: 0 })).rejects.toThrow(/check constraint/);
  });

  it("gives every global food an explicit role and meals from the seed", async () => {
    const rows = await db()<{ missing: number }[]>`
      select count(*)::int as missing from foods where org_id is null and (plate_role is null or meal_types is null)`;
    expect(rows[0]?.missing).toBe(0);
    // Cod is a lunch and dinner food; milk is a drink capped per meal; oil never makes a snack.
    const named = await db()<{ name: string; plate_role: string; meal_types: string[] }[]>`
      select name, plate_role, meal_types from foods where org_id is null
        and name in ('Cod, Atlantic, cooked, dry heat', 'Milk, skim', 'Olive oil') order by name`;
    expect(named).toEqual([
      { name: "Cod, Atlantic, cooked, dry heat", plate_role: "main_protein", meal_types: ["lunch", "dinner"] },
      { name: "Milk, skim", plate_role: "drink", meal_types: ["breakfast", "snack"] },
      { name: "Olive oil", plate_role: "fat", meal_types: ["lunch", "dinner"] },
    ]);
  });
});
