import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as alternativesRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/alternatives/route";
import * as swapRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/swap/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import { shortFoodName } from "@/generation/meals/meal-patterns";
import { mealTypeOf } from "@/generation/meals/plate";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import type { PlanDay } from "@/server/plan-detail";
import { call, demoCoachToken, otherCoachToken } from "../../support/api-client";
import { firstItemOfGroup, generatedPlan, sharedFoodNamed } from "../../support/generated-plan";
import { createPlan } from "../../support/plan-factory";
import { OTHER_ORG_ID } from "../../support/seed-ids";

let token: string;
let otherToken: string;
beforeAll(async () => {
  token = await demoCoachToken();
  otherToken = await otherCoachToken();
  // The inline runner says once that it is not durable.
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(async () => {
  await settleInlineRuns();
});

describe("GET …/items/{itemId}/alternatives", () => {
  it("lists foods of the item's plate role that suit its meal, fit the plan and are not in the day, with their grams", async () => {
    const { planId, days } = await generatedPlan(token, {
      calorie_target: 2200,
      diet: ["vegetarian"],
      allergies: ["peanut"],
    });
    const day = days[0] as PlanDay;
    const protein = firstItemOfGroup(day, "protein");
    const meal = day.meals.find((candidate) => candidate.items.some((item) => item.id === protein.id));
    const [replaced] = await db()<{ plate_role: string }[]>`select plate_role from foods where id = ${protein.food_id}`;
    const response = await call(alternativesRoute.GET, { token, params: { planId, itemId: protein.id } });
    expect(response.status).toBe(200);
    const alternatives = response.json.alternatives as { food_id: string; grams: number; kcal: number }[];
    expect(alternatives.length).toBeGreaterThan(0);
    const dayFoodIds = day.meals.flatMap((each) => each.items.map((item) => item.food_id));
    const ids = alternatives.map((alternative) => alternative.food_id);
    expect(ids.filter((id) => dayFoodIds.includes(id))).toEqual([]);
    for (const alternative of alternatives) {
      expect(alternative.grams).toBeGreaterThan(0);
      expect(Math.abs(alternative.kcal - protein.kcal)).toBeLessThanOrEqual(10);
    }
    const rows = await db()<{ plate_role: string; meal_types: string[]; diet_tags: string[]; allergens: string[] }[]>`
      select plate_role, meal_types, diet_tags, allergens from foods where id = any(${ids}::uuid[])`;
    for (const row of rows) {
      expect(row.plate_role).toBe(replaced?.plate_role);
      expect(row.meal_types).toContain(mealTypeOf(meal?.name ?? ""));
      expect(row.diet_tags).toContain("vegetarian");
      expect(row.allergens).not.toContain("peanut");
    }
  });

  it("is 404 for another org's plan and for an item of another plan", async () => {
    const mine = await generatedPlan(token);
    const theirs = await createPlan({ org_id: OTHER_ORG_ID });
    const itemId = firstItemOfGroup(mine.days[0] as PlanDay, "protein").id;
    expect((await call(alternativesRoute.GET, { token, params: { planId: theirs, itemId } })).status).toBe(404);
    expect(
      (await call(alternativesRoute.GET, { token: otherToken, params: { planId: mine.planId, itemId } })).status,
    ).toBe(404);
  });

  it("is 400 for an item id that is not a UUID", async () => {
    const { planId } = await generatedPlan(token);
    const response = await call(alternativesRoute.GET, { token, params: { planId, itemId: "1 or 1=1" } });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/itemId/);
  });
});

describe("POST …/items/{itemId}/swap", () => {
  it("replaces the food, keeps the day on its calorie target, and leaves the other days alone", async () => {
    const { planId, days } = await generatedPlan(token, { calorie_target: 2200 });
    const [dayOne, dayTwo] = days as [PlanDay, PlanDay];
    const protein = firstItemOfGroup(dayOne, "protein");
    const alternatives = await call(alternativesRoute.GET, { token, params: { planId, itemId: protein.id } });
    const choice = (alternatives.json.alternatives as { food_id: string }[])[0]?.food_id as string;

    const response = await call(swapRoute.POST, {
      token,
      params: { planId, itemId: protein.id },
      body: { food_id: choice },
    });
    expect(response.status).toBe(200);
    const updated = response.json.day as PlanDay;
    expect(updated.day_number).toBe(1);
    const swapped = updated.meals.flatMap((meal) => meal.items).find((item) => item.id === protein.id);
    expect(swapped?.food_id).toBe(choice);
    expect(Math.abs(updated.totals.kcal / 2200 - 1)).toBeLessThanOrEqual(0.03);

    // What the route answered is what the plan now reads, totals included.
    const after = (await call(planDetail.GET, { token, params: { planId } })).json.days as PlanDay[];
    expect(after[0]).toEqual(updated);
    expect(after[1]).toEqual(dayTwo);
    const itemSum = updated.meals.flatMap((meal) => meal.items).reduce((sum, item) => sum + Number(item.kcal), 0);
    expect(Number(updated.totals.kcal)).toBeCloseTo(itemSum, 0);
  });

  it("titles the changed meal from its new foods, keeps the other meals' titles and re-judges the day's meals", async () => {
    const { planId, days } = await generatedPlan(token, { calorie_target: 2200 });
    const dayOne = days[0] as PlanDay;
    // A lunch's or dinner's protein: a breakfast's or snack's may be a powder, which a title never names.
    const mealIndex = dayOne.meals.findIndex(
      (meal) =>
        ["lunch", "dinner"].includes(mealTypeOf(meal.name)) && meal.items.some((item) => item.food_group === "protein"),
    );
    const protein = dayOne.meals[mealIndex]?.items.find((item) => item.food_group === "protein");
    if (!protein) throw new Error("no lunch or dinner with a protein");
    // A title the coach's plan carried (say, the model's) on every meal, and a miss the day no longer has.
    const stale = { meal: "Breakfast", rule: "breakfast-base", text: "no breakfast base (stale)" };
    await db()`update meal_plan_meals m set title = 'Kept title ' || m.position from meal_plan_days d
               where d.id = m.day_id and d.plan_id = ${planId} and d.day_number = 1`;
    await db()`update meal_plan_days set meal_misses = ${db().json([stale])} where plan_id = ${planId} and day_number = 1`;
    const alternatives = await call(alternativesRoute.GET, { token, params: { planId, itemId: protein.id } });
    const choice = (alternatives.json.alternatives as { food_id: string; food_name: string }[])[0];
    if (!choice) throw new Error("no alternative");

    const response = await call(swapRoute.POST, {
      token,
      params: { planId, itemId: protein.id },
      body: { food_id: choice.food_id },
    });
    expect(response.status).toBe(200);
    const updated = response.json.day as PlanDay;
    updated.meals.forEach((meal, index) => {
      if (index === mealIndex)
        expect(meal.title?.toLowerCase()).toContain(shortFoodName({ name: choice.food_name }).toLowerCase());
      else expect(meal.title).toBe(`Kept title ${index}`);
    });
    expect(updated.meals[mealIndex]?.preparation).toMatch(/\p{L}{2}.*\.$/u);
    expect(updated.meal_misses ?? []).not.toContainEqual(stale);
    const after = (await call(planDetail.GET, { token, params: { planId } })).json.days as PlanDay[];
    expect(after[0]).toEqual(updated);
  });

  it("answers 400 naming the restriction for a food the plan forbids, and changes nothing", async () => {
    const { planId, days } = await generatedPlan(token, { calorie_target: 2200, diet: ["vegan"] });
    const protein = firstItemOfGroup(days[0] as PlanDay, "protein");
    const response = await call(swapRoute.POST, {
      token,
      params: { planId, itemId: protein.id },
      body: { food_id: await sharedFoodNamed("Chicken breast, meat only, roasted") },
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/not vegan/);
    const after = (await call(planDetail.GET, { token, params: { planId } })).json.days as PlanDay[];
    expect(after).toEqual(days);
  });

  it.each([
    ["{not json", /JSON/],
    [{}, /food_id/],
    [{ food_id: "tofu" }, /food_id must be a UUID/],
    [{ food_id: "00000000-0000-4000-8000-000000000000" }, /not a food in your catalogue/],
    [{ food_id: "00000000-0000-4000-8000-000000000000", extra: 1 }, /unknown field/],
  ])("answers 400 for the body %j", async (body, message) => {
    const { planId, days } = await generatedPlan(token);
    const itemId = firstItemOfGroup(days[0] as PlanDay, "protein").id;
    const response = await call(swapRoute.POST, { token, params: { planId, itemId }, body });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(message);
  });

  it("is 404 for another org's plan and 409 while the plan is generating", async () => {
    const { planId, days } = await generatedPlan(token);
    const itemId = firstItemOfGroup(days[0] as PlanDay, "protein").id;
    const food_id = await sharedFoodNamed("Tofu, firm, raw");
    expect(
      (await call(swapRoute.POST, { token: otherToken, params: { planId, itemId }, body: { food_id } })).status,
    ).toBe(404);
    await db()`update meal_plans set generation_status = 'generating', generation_heartbeat_at = now() where id = ${planId}`;
    const busy = await call(swapRoute.POST, { token, params: { planId, itemId }, body: { food_id } });
    expect(busy.status).toBe(409);
    expect(busy.json.error).toMatch(/being generated/);
  });
});
