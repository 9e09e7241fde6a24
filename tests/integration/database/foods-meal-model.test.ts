import { describe, expect, it } from "vitest";
import {
  CATALOGUE_COLUMNS,
  CatalogueFoodSchema,
  FOOD_GROUPS,
  type FoodGroup,
  plateDefaults,
} from "@/generation/catalogue/catalogue";
import { asUser, db } from "@/server/database/index";
import { DEMO_COACH_ID, DEMO_ORG_ID } from "../../support/seed-ids";

/**
 * The meal model in the foods table (supabase/migrations/..._foods_meal_model.sql),
 * tested as the coach role that writes an org's own foods: a food inserted
 * without a role, meal types or per-meal amount gets its group's defaults (the
 * same table as FOOD_GROUP_PLATE_DEFAULTS in src/generation/meals/plate.ts),
 * the coach may change them, and the checks refuse values outside the model.
 */

const demoCoach = { sub: DEMO_COACH_ID, role: "authenticated" } as const;

async function insertOwnFood(group: FoodGroup, extra: Record<string, unknown> = {}) {
  const name = `Coach food ${group} ${Math.random().toString(36).slice(2)}`;
  const row = {
    org_id: DEMO_ORG_ID,
    name,
    food_group: group,
    family: name,
    kcal_per_100g: 100,
    protein_per_100g: 5,
    carbs_per_100g: 10,
    fat_per_100g: 4,
    default_portion_g: 100,
    ...extra,
  };
  const [[inserted]] = await asUser(demoCoach, (tx) => [
    tx`insert into foods ${tx(row)} returning ${tx(CATALOGUE_COLUMNS)}`,
  ]);
  return inserted as Record<string, unknown>;
}

describe("the meal model of a coach's own food", () => {
  it.each(FOOD_GROUPS)(
    "takes the %s group's role, meal types and per-meal amount when none is given",
    async (group) => {
      const food = CatalogueFoodSchema.parse(await insertOwnFood(group));
      expect({
        plate_role: food.plate_role,
        meal_types: food.meal_types,
        max_per_meal_g: food.max_per_meal_g,
      }).toEqual(plateDefaults(group));
    },
  );

  it("keeps what the coach sets, and lets the coach change it", async () => {
    const food = await insertOwnFood("dairy", { plate_role: "drink", meal_types: ["breakfast"], max_per_meal_g: 250 });
    expect(food).toMatchObject({ plate_role: "drink", meal_types: ["breakfast"] });
    expect(Number(food.max_per_meal_g)).toBe(250);
    const [[changed]] = await asUser(demoCoach, (tx) => [
      tx`update foods set meal_types = ${["breakfast", "snack"]} where id = ${food.id as string}
         returning meal_types, plate_role`,
    ]);
    expect(changed).toEqual({ meal_types: ["breakfast", "snack"], plate_role: "drink" });
  });

  it("refuses a role or a meal type outside the model, and an empty list of meals", async () => {
    await expect(insertOwnFood("protein", { plate_role: "dessert" })).rejects.toThrow(/check constraint/);
    await expect(insertOwnFood("protein", { meal_types: ["brunch"] })).rejects.toThrow(/check constraint/);
    await expect(insertOwnFood("protein", { meal_types: [] })).rejects.toThrow(/check constraint/);
    await expect(insertOwnFood("fat", { max_per_meal_g: 0 })).rejects.toThrow(/check constraint/);
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
