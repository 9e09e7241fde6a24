import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/database/index";
import { addDay, createPlan } from "../../support/plan-factory";

describe("meal plan schema", () => {
  it("starts a new plan idle, with no error and empty progress", async () => {
    const planId = await createPlan();
    const [plan] =
      await db()`select generation_status, generation_error, generation_progress from meal_plans where id = ${planId}`;
    expect(plan).toEqual({ generation_status: "idle", generation_error: null, generation_progress: {} });
  });

  it("rejects a generation status outside idle | generating | complete | error", async () => {
    const planId = await createPlan();
    await expect(db()`update meal_plans set generation_status = 'finished' where id = ${planId}`).rejects.toThrow(
      /meal_plans_generation_status_check/,
    );
  });

  it("requires a message when a plan is in error and a run id when it is generating", async () => {
    const planId = await createPlan();
    await expect(db()`update meal_plans set generation_status = 'error' where id = ${planId}`).rejects.toThrow(
      /meal_plans_error_has_message/,
    );
    await expect(db()`update meal_plans set generation_status = 'generating' where id = ${planId}`).rejects.toThrow(
      /meal_plans_generating_has_run/,
    );
    await db()`update meal_plans set generation_status = 'generating', generation_id = ${randomUUID()} where id = ${planId}`;
  });

  it("keeps plan length between 1 and 28 days", async () => {
    await expect(createPlan({ plan_length_days: 0 })).rejects.toThrow(/plan_length_days/);
    await expect(createPlan({ plan_length_days: 29 })).rejects.toThrow(/plan_length_days/);
    await expect(createPlan({ plan_length_days: 28 })).resolves.toBeTypeOf("string");
  });

  it("allows each day number once per plan", async () => {
    const planId = await createPlan();
    await addDay(planId, 1);
    await expect(addDay(planId, 1)).rejects.toThrow(/meal_plan_days_plan_id_day_number_key/);
    const otherPlanId = await createPlan();
    await expect(addDay(otherPlanId, 1)).resolves.toBeTypeOf("string");
  });

  it("stamps updated_at on every update", async () => {
    const planId = await createPlan();
    await db()`update meal_plans set updated_at = now() - interval '1 hour' where id = ${planId}`;
    await db()`update meal_plans set name = 'Renamed' where id = ${planId}`;
    const [plan] = await db()<{ age: number }[]>`
      select extract(epoch from now() - updated_at)::float8 as age from meal_plans where id = ${planId}`;
    expect(plan?.age).toBeLessThan(60);
  });

  it("deletes days, meals and items with their plan", async () => {
    const planId = await createPlan();
    const dayId = await addDay(planId, 1);
    await db()`delete from meal_plans where id = ${planId}`;
    const [left] = await db()<{ days: number; meals: number }[]>`
      select (select count(*) from meal_plan_days where id = ${dayId})::int as days,
             (select count(*) from meal_plan_meals where day_id = ${dayId})::int as meals`;
    expect(left).toEqual({ days: 0, meals: 0 });
  });

  it("rejects foods with a diet tag or allergen outside the known lists", async () => {
    await expect(
      db()`insert into foods (name, food_group, family, kcal_per_100g, protein_per_100g, carbs_per_100g, fat_per_100g, default_portion_g, diet_tags)
           values ('Odd food', 'snack', 'odd', 100, 5, 10, 4, 50, '{keto}')`,
    ).rejects.toThrow(/diet_tags/);
    await expect(
      db()`insert into foods (name, food_group, family, kcal_per_100g, protein_per_100g, carbs_per_100g, fat_per_100g, default_portion_g, allergens)
           values ('Odd food', 'snack', 'odd', 100, 5, 10, 4, 50, '{mustard}')`,
    ).rejects.toThrow(/allergens/);
  });
});
