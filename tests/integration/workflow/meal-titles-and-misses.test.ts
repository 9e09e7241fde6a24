import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import { type CatalogueFood, CatalogueFoodSchema } from "@/generation/catalogue/catalogue";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { generateMealPlanFunction } from "@/inngest/binding/generate-meal-plan-function";
import { db } from "@/server/database/index";
import { saveDay } from "@/server/day-generation-store";
import { savePlan } from "@/server/generation-store";
import type { PlanDay } from "@/server/plan-detail";
import { call, demoCoachToken } from "../../support/api-client";
import { makeDay } from "../../support/food-factory";
import { createGeneratingPlan, generateEvent } from "../../support/generation-fixtures";
import { invokingPlanDays } from "../../support/inngest-invoke";
import { createPlan } from "../../support/plan-factory";

/**
 * Meals a client can read: every saved meal carries a dish title and a line
 * of preparation, and a day's meal misses (the meal rules it could not meet)
 * are saved with it and read back beside it, by the whole-plan save, the
 * one-day save and the plan read.
 */

let token: string;
beforeAll(async () => {
  token = await demoCoachToken();
});

async function seededFood(name: string): Promise<CatalogueFood> {
  const [row] = await db()`select * from foods where org_id is null and name = ${name}`;
  return CatalogueFoodSchema.parse(row);
}

async function readDays(planId: string): Promise<PlanDay[]> {
  const response = await call(planDetail.GET, { token, params: { planId } });
  expect(response.status).toBe(200);
  return response.json.days as PlanDay[];
}

const lunchMiss: MealMiss = {
  meal: "Lunch",
  rule: "vegetable",
  text: "no vegetable of at least 75 g",
  why: "no vegetable this plan may use suits lunch",
};

type StepCalls = { mock: { calls: [string][]; results: { value: unknown }[] } };

/** Runs a plan to the end and answers what each step but save returned, as Inngest would have memoised it. */
async function memoisedSteps(data: Awaited<ReturnType<typeof createGeneratingPlan>>) {
  const first = await new InngestTestEngine({
    function: generateMealPlanFunction,
    events: [generateEvent(data)],
    transformCtx: invokingPlanDays,
  }).execute();
  expect(first.result).toMatchObject({ status: "saved" });
  const calls = first.ctx.step.run as unknown as StepCalls;
  return Promise.all(
    calls.mock.calls
      .map((call, index) => ({ id: call[0], value: calls.mock.results[index]?.value }))
      .filter((step) => step.id !== "save")
      .map(async (step) => ({ id: step.id, result: (await step.value) as Record<string, unknown> })),
  );
}

/** Replays the run with each step's memoised result (some changed), so only save runs for real. */
async function replayWith(
  data: Awaited<ReturnType<typeof createGeneratingPlan>>,
  steps: { id: string; result: unknown }[],
) {
  await db()`update meal_plans set generation_status = 'generating' where id = ${data.planId}`;
  const replay = await new InngestTestEngine({
    function: generateMealPlanFunction,
    events: [generateEvent(data)],
    steps: steps.map((step) => ({ id: step.id, handler: () => step.result })),
    transformCtx: invokingPlanDays,
  }).execute();
  expect(replay.result).toMatchObject({ status: "saved" });
}

describe("a generated plan's meals", () => {
  it("are each saved with a dish title and a line of preparation, read back with the plan", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    const { result } = await new InngestTestEngine({
      function: generateMealPlanFunction,
      events: [generateEvent(data)],
      transformCtx: invokingPlanDays,
    }).execute();
    expect(result).toEqual({ status: "saved", days: 2 });

    const days = await readDays(data.planId);
    const meals = days.flatMap((day) => day.meals);
    expect(meals.length).toBeGreaterThanOrEqual(6);
    for (const meal of meals) {
      expect(meal.title, meal.name).toMatch(/\p{L}{2}/u);
      expect(meal.preparation, meal.name).toMatch(/\p{L}{2}.*\.$/u);
    }
  });

  it("save the meal misses the balance step returned with their days", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    const steps = await memoisedSteps(data);
    const balance = steps.find((step) => step.id === "balance");
    if (!balance) throw new Error("no balance step");
    const withMisses = { ...balance.result, mealMisses: [{ day: 2, ...lunchMiss }] };
    await replayWith(
      data,
      steps.map((step) => (step.id === "balance" ? { ...step, result: withMisses } : step)),
    );

    const days = await readDays(data.planId);
    expect(days.map((day) => [day.day_number, day.meal_misses])).toEqual([
      [1, null],
      [2, [lunchMiss]],
    ]);
  });

  it("are saved, titled and without misses, from a balance result memoised before meals were judged", async () => {
    const data = await createGeneratingPlan({ plan_length_days: 2 });
    const steps = await memoisedSteps(data);
    // An older deploy's balance step recorded days without titles and no mealMisses at all.
    const old = steps.map((step) => {
      if (step.id !== "balance") return step;
      const { mealMisses: _none, ...result } = step.result as { days: PlannedDay[]; mealMisses: unknown };
      const days = result.days.map((day) => ({
        ...day,
        meals: day.meals.map(({ title: _title, preparation: _preparation, ...meal }) => meal),
      }));
      return { ...step, result: { ...result, days } };
    });
    await replayWith(data, old);

    const days = await readDays(data.planId);
    expect(days).toHaveLength(2);
    for (const day of days) {
      expect(day.meal_misses).toBeNull();
      for (const meal of day.meals) expect(meal.title).toMatch(/\p{L}{2}/u);
    }
  });
});

describe("the whole-plan save and the plan read", () => {
  it("keep each meal's title and preparation and each day's meal misses, none stored as null", async () => {
    const generationId = randomUUID();
    const planId = await createPlan({
      plan_length_days: 2,
      generation_status: "generating",
      generation_id: generationId,
    });
    const oats = await seededFood("Oats, rolled, dry");
    const chicken = await seededFood("Chicken breast, meat only, roasted");
    const day1 = makeDay(1, { Breakfast: [[oats, 80]], Lunch: [[chicken, 150]] });
    const titled: PlannedDay = {
      ...day1,
      meals: day1.meals.map((meal) =>
        meal.name === "Lunch"
          ? { ...meal, title: "Roast chicken", preparation: "Slice the chicken and serve warm." }
          : meal,
      ),
    };
    const day2 = makeDay(2, { Lunch: [[chicken, 200]] });

    const saved = await savePlan(planId, generationId, {
      days: [titled, day2],
      mealMisses: [{ day: 2, ...lunchMiss }],
      intakeData: undefined,
      planLengthDays: 2,
      model: "test",
      usage: {},
    });
    expect(saved).toBe("saved");

    const days = await readDays(planId);
    expect(days[0]?.meals.map((meal) => [meal.name, meal.title, meal.preparation])).toEqual([
      ["Breakfast", null, null],
      ["Lunch", "Roast chicken", "Slice the chicken and serve warm."],
    ]);
    expect(days.map((day) => day.meal_misses)).toEqual([null, [lunchMiss]]);
    const [stored] = await db()<{ meal_misses: unknown }[]>`
      select meal_misses from meal_plan_days where plan_id = ${planId} and day_number = 1`;
    expect(stored?.meal_misses).toBeNull();
  });

  it("reads a stored meal_misses value that is not a list of misses as none, never failing the read", async () => {
    const generationId = randomUUID();
    const planId = await createPlan({
      plan_length_days: 1,
      generation_status: "generating",
      generation_id: generationId,
    });
    const chicken = await seededFood("Chicken breast, meat only, roasted");
    await savePlan(planId, generationId, {
      days: [makeDay(1, { Lunch: [[chicken, 150]] })],
      intakeData: undefined,
      planLengthDays: 1,
      model: "test",
      usage: {},
    });
    await db()`update meal_plan_days set meal_misses = ${db().json([{ meal: "Lunch", rule: "no-such-rule", text: 3 }])}
               where plan_id = ${planId}`;

    const days = await readDays(planId);
    expect(days[0]?.meal_misses).toBeNull();
    expect(days[0]?.meals[0]?.items).toHaveLength(1);
  });
});

describe("the one-day save", () => {
  it("keeps the day's titles, preparations and meal misses", async () => {
    const dayGenerationId = randomUUID();
    const planId = await createPlan({ plan_length_days: 1, generation_status: "complete" });
    await db()`update meal_plans set day_generation_id = ${dayGenerationId}, day_generation_day = 1,
                 day_generation_status = 'generating' where id = ${planId}`;
    const chicken = await seededFood("Chicken breast, meat only, roasted");
    const day = makeDay(1, { Lunch: [[chicken, 150]] });
    const titled: PlannedDay = {
      ...day,
      meals: day.meals.map((meal) => ({ ...meal, title: "Chicken plate", preparation: "Grill the chicken." })),
    };

    expect(await saveDay(planId, dayGenerationId, titled, null, [lunchMiss])).toBe("saved");

    const [read] = await readDays(planId);
    expect(read?.meals.map((meal) => [meal.title, meal.preparation])).toEqual([
      ["Chicken plate", "Grill the chicken."],
    ]);
    expect(read?.meal_misses).toEqual([lunchMiss]);
  });
});
