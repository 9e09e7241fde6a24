import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import * as regenerateMeal from "@/app/api/nutrition/plans/[planId]/days/[day]/meals/[meal]/regenerate/route";
import * as regenerateDay from "@/app/api/nutrition/plans/[planId]/days/[day]/regenerate/route";
import * as undo from "@/app/api/nutrition/plans/[planId]/days/[day]/undo/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import * as item from "@/app/api/nutrition/plans/[planId]/items/[itemId]/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import { regeneratePlanDayFunction } from "@/inngest/binding/regenerate-plan-day-function";
import { settleInlineRuns, startInlineDayRun } from "@/inngest/inline/inline-runner";
import { resetEnvForTests } from "@/server/env";
import type { PlanDay, PlanMeal } from "@/server/plan-detail";
import { call } from "../../support/api-client";
import { invokingPlanDays } from "../../support/inngest-invoke";
import { createPlan } from "../../support/plan-factory";
import { queueRunsOnInngest, withRunTestSetup } from "../../support/run-test-hooks";
import { DEMO_ORG_ID } from "../../support/seed-ids";

/**
 * POST …/days/{day}/meals/{meal}/regenerate: one meal replaced by a day run
 * with a meal scope, on either engine, the day's other meals and every
 * locked item kept as they were, the day still on its targets, and Undo
 * taking the meal back. Locks also hold through a whole day's regeneration.
 */

const API_KEY = "sk-ant-test-regenerate-meal-0123456789";
const TARGET_KCAL = 2300;
const run = withRunTestSetup(API_KEY);

async function generatedPlan(days = 2): Promise<{ planId: string; days: PlanDay[] }> {
  const planId = await createPlan({
    plan_length_days: days,
    intake_data: { calorie_target: TARGET_KCAL, meals_per_day: 4 },
  });
  expect((await call(start.POST, { token: run.token, params: { planId }, body: {} })).status).toBe(202);
  await settleInlineRuns();
  return { planId, days: await readDays(planId) };
}

async function readDays(planId: string): Promise<PlanDay[]> {
  const detail = await call(planDetail.GET, { token: run.token, params: { planId } });
  expect(detail.json.generation_status).toBe("complete");
  return detail.json.days as PlanDay[];
}

const mealOf = (day: PlanDay | undefined, name: string) => day?.meals.find((meal) => meal.name === name);
/** What a coach sees of a meal's foods: food, grams, lock and the item's id. */
const kept = (meal: PlanMeal | undefined) =>
  meal?.items.map(({ id, food_id, grams, locked }) => ({ id, food_id, grams, locked }));
const foodsOf = (meal: PlanMeal | undefined) => (meal?.items.map((each) => each.food_id) ?? []).sort();

function expectOnTarget(day: PlanDay | undefined) {
  expect(Math.abs((day?.totals.kcal ?? 0) / TARGET_KCAL - 1)).toBeLessThanOrEqual(0.03);
  expect(day?.meal_misses ?? []).toEqual([]);
}

async function lock(planId: string, itemId: string) {
  const answer = await call(item.PATCH, { token: run.token, params: { planId, itemId }, body: { locked: true } });
  expect(answer.status).toBe(200);
}

async function mealRun(planId: string, day: string, meal: string) {
  return call(regenerateMeal.POST, { token: run.token, params: { planId, day, meal }, body: {} });
}

describe("regenerating one meal (inline runner, offline planner)", () => {
  it("replaces only that meal, keeps the other meals and the day on target, and Undo takes it back", async () => {
    const { planId, days: before } = await generatedPlan(2);
    const response = await mealRun(planId, "1", "lunch");
    expect(response.status).toBe(202);
    expect(response.json).toMatchObject({ status: "generating", day: 1, meal: "Lunch" });
    await settleInlineRuns();

    const after = await readDays(planId);
    expect(after[1]).toEqual(before[1]);
    const [day] = after;
    for (const name of ["Breakfast", "Afternoon snack", "Dinner"]) {
      expect(kept(mealOf(day, name))).toEqual(kept(mealOf(before[0], name)));
    }
    expect(foodsOf(mealOf(day, "Lunch"))).not.toEqual(foodsOf(mealOf(before[0], "Lunch")));
    expectOnTarget(day);
    expect(day?.last_edit).toBe("regenerate-meal");
    expect((await call(status.GET, { token: run.token, params: { planId } })).json.day_regeneration).toMatchObject({
      day: 1,
      meal: "Lunch",
      status: "complete",
    });

    const undone = await call(undo.POST, { token: run.token, params: { planId, day: "1" }, body: {} });
    expect(undone.status).toBe(200);
    expect((await readDays(planId))[0]?.meals).toEqual(before[0]?.meals);
  });

  it("keeps a locked item of the meal: same item, food and grams, still locked", async () => {
    const { planId, days: before } = await generatedPlan(1);
    const locked = mealOf(before[0], "Dinner")?.items[0];
    if (!locked) throw new Error("the generated dinner has no item");
    await lock(planId, locked.id);
    expect((await mealRun(planId, "1", "dinner")).status).toBe(202);
    await settleInlineRuns();

    const dinner = mealOf((await readDays(planId))[0], "Dinner");
    expect(kept(dinner)).toContainEqual({ id: locked.id, food_id: locked.food_id, grams: locked.grams, locked: true });
    expect(foodsOf(dinner)).not.toEqual(foodsOf(mealOf(before[0], "Dinner")));
  });
});

describe("locked items through a whole day's regeneration", () => {
  it("carries them into the new day at their food, grams and lock, and tells the model about them", async () => {
    const { planId, days: before } = await generatedPlan(1);
    const breakfast = mealOf(before[0], "Breakfast")?.items[0];
    const dinner = mealOf(before[0], "Dinner")?.items[0];
    if (!breakfast || !dinner) throw new Error("the generated day lacks a meal");
    await lock(planId, breakfast.id);
    await lock(planId, dinner.id);
    run.sendRunsToClaude();

    expect((await call(regenerateDay.POST, { token: run.token, params: { planId, day: "1" }, body: {} })).status).toBe(
      202,
    );
    await settleInlineRuns();

    expect(run.fake.requests).toHaveLength(1);
    const told = /^Foods kept as they are[^:]*: (.*)$/m.exec(run.fake.requests[0]?.user ?? "")?.[1] ?? "";
    expect(told).toContain(`Breakfast: ${breakfast.food_id} ${breakfast.grams} g`);
    expect(told).toContain(`Dinner: ${dinner.food_id} ${dinner.grams} g`);
    const [day] = await readDays(planId);
    const lockedNow = day?.meals.flatMap((meal) =>
      meal.items.filter((each) => each.locked).map((each) => ({ meal: meal.name, food: each.food_id, g: each.grams })),
    );
    expect(lockedNow).toEqual([
      { meal: "Breakfast", food: breakfast.food_id, g: breakfast.grams },
      { meal: "Dinner", food: dinner.food_id, g: dinner.grams },
    ]);
    expect(Math.abs((day?.totals.kcal ?? 0) / TARGET_KCAL - 1)).toBeLessThanOrEqual(0.03);
  });
});

describe("regenerating a meal with Claude (fake Messages API, real SDK)", () => {
  it("asks the model for that one meal, the rest of the day given as kept", async () => {
    const { planId, days: before } = await generatedPlan(1);
    run.sendRunsToClaude();
    expect((await mealRun(planId, "1", "breakfast")).status).toBe(202);
    await settleInlineRuns();

    expect(run.fake.requests).toHaveLength(1);
    const user = run.fake.requests[0]?.user ?? "";
    expect(user).toMatch(/^Plan only the meal Breakfast, about \d+ kcal/m);
    expect(user).toMatch(/^Return the day listed with the meal Breakfast only/m);
    for (const each of mealOf(before[0], "Lunch")?.items ?? []) expect(user).toContain(`Lunch: ${each.food_id}`);
    expectOnTarget((await readDays(planId))[0]);
  });

  it("tries again after a failed call (529) and then saves the meal", async () => {
    const { planId, days: before } = await generatedPlan(1);
    queueRunsOnInngest();
    const response = await mealRun(planId, "1", "lunch");
    run.sendRunsToClaude();
    run.fake.enqueue({ status: 529 });
    const data = {
      planId,
      orgId: DEMO_ORG_ID,
      dayGenerationId: response.json.day_generation_id as string,
      day: 1,
      meal: "Lunch",
    };
    await startInlineDayRun(data, { retryDelayScale: 0.01 });

    expect(run.fake.requests).toHaveLength(2);
    const [day] = await readDays(planId);
    expect(foodsOf(mealOf(day, "Lunch"))).not.toEqual(foodsOf(mealOf(before[0], "Lunch")));
    expect(kept(mealOf(day, "Dinner"))).toEqual(kept(mealOf(before[0], "Dinner")));
    expect((await call(status.GET, { token: run.token, params: { planId } })).json.day_regeneration).toMatchObject({
      status: "complete",
      meal: "Lunch",
    });
  });
});

describe("the regenerate-plan-day function with a meal scope (Inngest)", () => {
  it("replaces the meal through plan-days, the other meals kept", async () => {
    const { planId, days: before } = await generatedPlan(1);
    const send = queueRunsOnInngest();
    const response = await mealRun(planId, "1", "afternoon-snack");
    expect(response.status).toBe(202);
    const event = send.mock.calls[0]?.[0] as { name: string; data: Record<string, unknown> };
    expect(event).toMatchObject({ name: "plan/day.regenerate.requested", data: { day: 1, meal: "Afternoon snack" } });

    const { error } = await new InngestTestEngine({
      function: regeneratePlanDayFunction,
      events: [event as never],
      transformCtx: invokingPlanDays,
    }).execute();
    expect(error).toBeUndefined();

    const [day] = await readDays(planId);
    for (const name of ["Breakfast", "Lunch", "Dinner"]) {
      expect(kept(mealOf(day, name))).toEqual(kept(mealOf(before[0], name)));
    }
    expect(foodsOf(mealOf(day, "Afternoon snack"))).not.toEqual(foodsOf(mealOf(before[0], "Afternoon snack")));
    expect(Math.abs((day?.totals.kcal ?? 0) / TARGET_KCAL - 1)).toBeLessThanOrEqual(0.03);
    expect(day?.last_edit).toBe("regenerate-meal");
  });
});

describe("POST …/days/{day}/meals/{meal}/regenerate refuses", () => {
  it.each([["brunch"], ["lunch;drop"], ["x".repeat(60)]])("meal %s with 400 naming the meals", async (meal) => {
    const { planId } = await generatedPlan(1);
    const response = await mealRun(planId, "1", meal);
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/^meal must be one of Breakfast, /);
  });

  it("a body with anything in it with 400 (the meal is in the path)", async () => {
    const { planId } = await generatedPlan(1);
    const response = await call(regenerateMeal.POST, {
      token: run.token,
      params: { planId, day: "1", meal: "lunch" },
      body: { meal: "Dinner" },
    });
    expect(response.status).toBe(400);
  });

  it("a meal the day does not have with 400", async () => {
    const { planId } = await generatedPlan(1);
    const response = await mealRun(planId, "1", "evening-snack");
    expect(response.status).toBe(400);
    expect(response.json.error).toBe("Day 1 has no Evening snack");
  });

  it("a meal whose every food is locked with 409 saying so", async () => {
    const { planId, days } = await generatedPlan(1);
    for (const each of mealOf(days[0], "Breakfast")?.items ?? []) await lock(planId, each.id);
    const response = await mealRun(planId, "1", "breakfast");
    expect(response.status).toBe(409);
    expect(response.json.error).toBe("Every food of Breakfast on day 1 is locked; unlock one to regenerate the meal");
  });

  it("another org's plan with 404", async () => {
    const { planId } = await generatedPlan(1);
    const response = await call(regenerateMeal.POST, {
      token: run.otherToken,
      params: { planId, day: "1", meal: "lunch" },
      body: {},
    });
    expect(response.status).toBe(404);
  });

  it("while a meal run writes the day: another meal, the day and a hand edit get 409 naming it", async () => {
    const { planId, days } = await generatedPlan(1);
    queueRunsOnInngest();
    expect((await mealRun(planId, "1", "lunch")).status).toBe(202);

    const again = await mealRun(planId, "1", "dinner");
    expect(again.status).toBe(409);
    expect(again.json.error).toMatch(/^Lunch of day 1 is being regenerated/);
    const day = await call(regenerateDay.POST, { token: run.token, params: { planId, day: "1" }, body: {} });
    expect(day.status).toBe(409);
    expect(day.json.error).toMatch(/^Lunch of day 1 is being regenerated/);
    const itemId = mealOf(days[0], "Dinner")?.items[0]?.id ?? "";
    const edit = await call(item.PATCH, { token: run.token, params: { planId, itemId }, body: { grams: 100 } });
    expect(edit.status).toBe(409);
    expect(edit.json.error).toMatch(/^Lunch of day 1 is being regenerated; edit the day once/);
  });

  it("while the day is being regenerated, with 409 naming the day", async () => {
    const { planId } = await generatedPlan(1);
    queueRunsOnInngest();
    expect((await call(regenerateDay.POST, { token: run.token, params: { planId, day: "1" }, body: {} })).status).toBe(
      202,
    );
    const response = await mealRun(planId, "1", "lunch");
    expect(response.status).toBe(409);
    expect(response.json.error).toMatch(/^Day 1 is being regenerated/);
  });

  it("past the org's daily model-token budget with 429", async () => {
    const { planId } = await generatedPlan(1);
    process.env.ORG_DAILY_TOKEN_BUDGET = "1";
    resetEnvForTests();
    const response = await mealRun(planId, "1", "lunch");
    expect(response.status).toBe(429);
    expect(response.json.details).toMatchObject({ limit: "daily_budget" });
  });
});
