import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as alternativesRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/alternatives/route";
import * as swapRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/swap/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import { ShoppingFactsSchema } from "@/generation/grocery/shopping-facts";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import { call, demoCoachToken } from "../../support/api-client";
import { generatedPlan } from "../../support/generated-plan";

/**
 * The grocery list's facts reach the page: the plan read says how each of its
 * foods is bought (the catalogue's columns), and an edit that brings a food in
 * answers its facts too, so the list is right before the plan is read again.
 */

let token: string;
beforeAll(async () => {
  token = await demoCoachToken();
});
beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined); // the inline runner's one-time notice
});
afterEach(async () => {
  await settleInlineRuns();
  vi.restoreAllMocks();
});

describe("how a plan's foods are bought", () => {
  it("comes with the plan read for every food in it, as the catalogue states it", async () => {
    const { planId, days } = await generatedPlan(token, { calorie_target: 2200 }, 2);
    const shopping = (await call(planDetail.GET, { token, params: { planId } })).json.shopping as Record<
      string,
      unknown
    >;
    const foodIds = [
      ...new Set(days.flatMap((day) => day.meals.flatMap((meal) => meal.items.map((item) => item.food_id)))),
    ];
    expect(Object.keys(shopping).sort()).toEqual(foodIds.sort());
    const stored = await db()<Record<string, unknown>[]>`
      select id, buy_as, aisle, cooked_yield, count_unit, grams_per_unit from foods where id = any(${foodIds})`;
    for (const { id, ...facts } of stored) {
      expect(shopping[id as string]).toEqual(ShoppingFactsSchema.parse(facts));
    }
  });

  it("comes with an edit's answer, a food the edit brought in included", async () => {
    const { planId, days } = await generatedPlan(token, { calorie_target: 2200 }, 1);
    const inPlan = new Set(days.flatMap((day) => day.meals.flatMap((meal) => meal.items.map((item) => item.food_id))));
    const item = days[0]?.meals[0]?.items[0];
    if (!item) throw new Error("empty day");
    const { alternatives } = (await call(alternativesRoute.GET, { token, params: { planId, itemId: item.id } }))
      .json as {
      alternatives: { food_id: string }[];
    };
    const newcomer = alternatives.find((alternative) => !inPlan.has(alternative.food_id));
    if (!newcomer) throw new Error("no alternative outside the plan");
    const answer = await call(swapRoute.POST, {
      token,
      params: { planId, itemId: item.id },
      body: { food_id: newcomer.food_id },
    });
    expect(answer.status).toBe(200);
    const shopping = answer.json.shopping as Record<string, { buy_as: string }>;
    const [stored] = await db()<{ buy_as: string }[]>`select buy_as from foods where id = ${newcomer.food_id}`;
    expect(shopping[newcomer.food_id]?.buy_as).toBe(stored?.buy_as);
  });
});
