import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as addRoute from "@/app/api/nutrition/plans/[planId]/days/[day]/items/route";
import * as rebalanceRoute from "@/app/api/nutrition/plans/[planId]/days/[day]/rebalance/route";
import * as undoRoute from "@/app/api/nutrition/plans/[planId]/days/[day]/undo/route";
import * as alternativesRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/alternatives/route";
import * as itemRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/route";
import * as swapRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/swap/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import { mealTypeOf } from "@/generation/meals/plate";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import type { PlanDay, PlanItem } from "@/server/plan-detail";
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

async function readDays(planId: string): Promise<PlanDay[]> {
  return (await call(planDetail.GET, { token, params: { planId } })).json.days as PlanDay[];
}

const itemsOf = (day: PlanDay) => day.meals.flatMap((meal) => meal.items);

const mealOf = (day: PlanDay, itemId: string) =>
  day.meals.findIndex((meal) => meal.items.some((item) => item.id === itemId));

/** A day's totals equal the sum of its items (the edit re-totalled it). */
function expectTotalled(day: PlanDay) {
  const sum = (key: "kcal" | "protein" | "carbs" | "fat") =>
    itemsOf(day).reduce((total, item) => total + Number(item[key]), 0);
  for (const key of ["kcal", "protein", "carbs", "fat"] as const) {
    expect(Number(day.totals[key])).toBeCloseTo(sum(key), 0);
  }
}

/** A food of the shared catalogue suiting this meal that the day does not have (id or family). */
async function addableFood(day: PlanDay, mealIndex: number, extra = "true"): Promise<{ id: string; name: string }> {
  const type = mealTypeOf(day.meals[mealIndex]?.name ?? "");
  const ids = itemsOf(day).map((item) => item.food_id);
  const [food] = await db()<{ id: string; name: string }[]>`
    select id, name from foods f where org_id is null and ${type} = any(meal_types)
      and f.id <> all(${ids}::uuid[])
      and f.family not in (select family from foods where id = any(${ids}::uuid[]))
      and ${db().unsafe(extra)}
    order by name limit 1`;
  if (!food) throw new Error(`no food to add to ${type}`);
  return food;
}

const patch = (planId: string, itemId: string, body: unknown, as = token) =>
  call(itemRoute.PATCH, { token: as, method: "PATCH", params: { planId, itemId }, body });

describe("PATCH …/items/{itemId} { grams }", () => {
  it("sets the grams, re-totals the day, answers what a fresh read shows and leaves the other day alone", async () => {
    const { planId, days } = await generatedPlan(token);
    const item = firstItemOfGroup(days[0] as PlanDay, "protein");
    // Less than the solver chose stays within the item's limits, whatever the food's caps.
    const grams = Math.round(Number(item.grams) * 0.8);
    const response = await patch(planId, item.id, { grams });
    expect(response.json.error).toBeUndefined();
    expect(response.status).toBe(200);
    const day = response.json.day as PlanDay;
    const edited = itemsOf(day).find((each) => each.id === item.id);
    expect(Number(edited?.grams)).toBe(grams);
    expect(Number(edited?.kcal)).toBeCloseTo((Number(item.kcal) * grams) / Number(item.grams), 0);
    expectTotalled(day);
    expect(response.json.undo).toBe("grams");
    const after = await readDays(planId);
    expect(after[0]).toEqual(day);
    expect(after[1]).toEqual(days[1]);
  });

  it.each([
    [{ grams: 1 }, /must weigh between 5 g and/],
    [{ grams: 5000 }, /must weigh between 5 g and/],
    [{ grams: "lots" }, /grams must be a number/],
    [{ grams: 100, locked: true }, /one of grams, meal_position or locked/],
  ])("answers 400 for %j and changes nothing", async (body, message) => {
    const { planId, days } = await generatedPlan(token);
    const item = firstItemOfGroup(days[0] as PlanDay, "protein");
    const response = await patch(planId, item.id, body);
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(message);
    expect(await readDays(planId)).toEqual(days);
  });
});

describe("POST …/days/{day}/items (add a food)", () => {
  it("adds the food to the meal at its usual portion, re-totalled, titled from its foods", async () => {
    const { planId, days } = await generatedPlan(token);
    const dayOne = days[0] as PlanDay;
    const food = await addableFood(dayOne, 1);
    const response = await call(addRoute.POST, {
      token,
      params: { planId, day: "1" },
      body: { meal_position: 1, food_id: food.id },
    });
    expect(response.status).toBe(200);
    const day = response.json.day as PlanDay;
    const added = day.meals[1]?.items.at(-1);
    expect(added?.food_id).toBe(food.id);
    expect(added?.locked).toBe(false);
    expect(itemsOf(day)).toHaveLength(itemsOf(dayOne).length + 1);
    expectTotalled(day);
    expect((await readDays(planId))[0]).toEqual(day);
  });

  it("refuses another org's food, a food the plan forbids, one the day has, and grams out of range", async () => {
    const { planId, days } = await generatedPlan(token, { calorie_target: 2200, diet: ["vegan"] });
    const dayOne = days[0] as PlanDay;
    const [theirs] = await db()<{ id: string }[]>`
      insert into foods (org_id, name, food_group, family, kcal_per_100g, protein_per_100g, carbs_per_100g,
        fat_per_100g, default_portion_g, diet_tags, meal_types)
      values (${OTHER_ORG_ID}, 'Their secret tofu', 'protein', 'their-tofu', 120, 14, 2, 7, 100,
        '{vegan,vegetarian}', '{breakfast,lunch,dinner,snack}')
      returning id`;
    const add = (body: unknown) => call(addRoute.POST, { token, params: { planId, day: "1" }, body });
    const cases: [unknown, RegExp][] = [
      [{ meal_position: 1, food_id: theirs?.id }, /not a food in your catalogue/],
      [{ meal_position: 2, food_id: await sharedFoodNamed("Chicken breast, meat only, roasted") }, /not vegan/],
      [{ meal_position: 1, food_id: dayOne.meals[0]?.items[0]?.food_id }, /already in this day/],
      [{ meal_position: 1, food_id: (await addableFood(dayOne, 1)).id, grams: 4000 }, /must weigh between/],
      [{ meal_position: 9, food_id: (await addableFood(dayOne, 1)).id }, /No such meal/],
    ];
    for (const [body, message] of cases) {
      const response = await add(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error).toMatch(message);
    }
    expect(await readDays(planId)).toEqual(days);
  });

  it("refuses a food the client dislikes", async () => {
    const disliked = await sharedFoodNamed("Tofu, firm, raw");
    const { planId, days } = await generatedPlan(token, { calorie_target: 2200, disliked_foods: [disliked] });
    const dinner = (days[0] as PlanDay).meals.findIndex((meal) => mealTypeOf(meal.name) === "dinner");
    const response = await call(addRoute.POST, {
      token,
      params: { planId, day: "1" },
      body: { meal_position: dinner, food_id: disliked },
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/breaks the plan's restrictions/);
  });
});

describe("DELETE …/items/{itemId} and PATCH { meal_position }", () => {
  it("removes an item, re-totalled", async () => {
    const { planId, days } = await generatedPlan(token);
    const dayOne = days[0] as PlanDay;
    const meal = dayOne.meals.find((each) => each.items.length > 1);
    const item = meal?.items[0] as PlanItem;
    const response = await call(itemRoute.DELETE, { token, method: "DELETE", params: { planId, itemId: item.id } });
    expect(response.status).toBe(200);
    const day = response.json.day as PlanDay;
    expect(itemsOf(day).map((each) => each.id)).not.toContain(item.id);
    expect(Number(day.totals.kcal)).toBeCloseTo(Number(dayOne.totals.kcal) - Number(item.kcal), 0);
    expectTotalled(day);
    expect((await readDays(planId))[0]).toEqual(day);
  });

  it("moves an item to another meal it suits, keeping its id and grams", async () => {
    const { planId, days } = await generatedPlan(token);
    const dayOne = days[0] as PlanDay;
    const lunch = dayOne.meals.findIndex((meal) => mealTypeOf(meal.name) === "lunch");
    const dinner = dayOne.meals.findIndex((meal) => mealTypeOf(meal.name) === "dinner");
    const item = firstItemOfGroup(dayOne, "vegetable");
    const from = mealOf(dayOne, item.id);
    const to = from === dinner ? lunch : dinner;
    const response = await patch(planId, item.id, { meal_position: to });
    expect(response.status).toBe(200);
    const day = response.json.day as PlanDay;
    expect(mealOf(day, item.id)).toBe(to);
    expect(itemsOf(day).find((each) => each.id === item.id)?.grams).toBe(item.grams);
    expect(day.totals).toEqual(dayOne.totals);
    expect(response.json.undo).toBe("move");
    expect((await readDays(planId))[0]).toEqual(day);
  });

  it("refuses a move to the meal it is in or one it does not suit, and removing a meal's last food", async () => {
    const { planId, days } = await generatedPlan(token);
    const dayOne = days[0] as PlanDay;
    const item = firstItemOfGroup(dayOne, "protein");
    const from = mealOf(dayOne, item.id);
    expect((await patch(planId, item.id, { meal_position: from })).json.error).toMatch(/already in/);
    const [fish] = await db()<{ meal_types: string[] }[]>`select meal_types from foods where id = ${item.food_id}`;
    const unsuited = dayOne.meals.findIndex((meal) => !fish?.meal_types.includes(mealTypeOf(meal.name)));
    if (unsuited >= 0) {
      const response = await patch(planId, item.id, { meal_position: unsuited });
      expect(response.status).toBe(400);
      expect(response.json.error).toMatch(/is not a food for/);
    }
    const single = dayOne.meals.find((meal) => meal.items.length === 1)?.items[0];
    if (single) {
      const response = await call(itemRoute.DELETE, { token, method: "DELETE", params: { planId, itemId: single.id } });
      expect(response.status).toBe(400);
      expect(response.json.error).toMatch(/only food of its meal/);
    }
    expect(await readDays(planId)).toEqual(days);
  });
});

describe("locks, rebalance and undo", () => {
  it("rebalances the unlocked items onto the target, a locked item keeping its grams; undo walks back", async () => {
    const { planId, days } = await generatedPlan(token);
    const dayOne = days[0] as PlanDay;
    const protein = firstItemOfGroup(dayOne, "protein");
    const starch = firstItemOfGroup(dayOne, "starch");
    expect((await patch(planId, protein.id, { locked: true })).json.undo).toBe("lock");
    // Push the day off its target: a rebalance has something to do.
    const [cap] = await db()<{ grams: number }[]>`
      select least(coalesce(max_per_meal_g, 450), 450)::float as grams from foods where id = ${starch.food_id}`;
    const heavier = await patch(planId, starch.id, { grams: Math.min(Number(starch.grams) * 2, cap?.grams ?? 450) });
    expect(heavier.status).toBe(200);
    const offTarget = heavier.json.day as PlanDay;
    expect(offTarget.totals.kcal).toBeGreaterThan(dayOne.totals.kcal);

    const response = await call(rebalanceRoute.POST, { token, params: { planId, day: "1" }, body: {} });
    expect(response.status).toBe(200);
    const balanced = response.json.day as PlanDay;
    const locked = itemsOf(balanced).find((item) => item.id === protein.id);
    expect(locked).toMatchObject({ locked: true, grams: protein.grams, food_id: protein.food_id });
    expect(Math.abs(balanced.totals.kcal / 2200 - 1)).toBeLessThanOrEqual(0.03);
    expect(itemsOf(balanced).map((item) => item.id)).toEqual(itemsOf(dayOne).map((item) => item.id));
    expectTotalled(balanced);
    expect((await readDays(planId))[0]).toEqual(balanced);

    // The locked item cannot be swapped.
    const swap = await call(swapRoute.POST, {
      token,
      params: { planId, itemId: protein.id },
      body: { food_id: await sharedFoodNamed("Tofu, firm, raw") },
    });
    expect(swap.status).toBe(409);
    expect(swap.json.error).toMatch(/locked/);

    const undo = () => call(undoRoute.POST, { token, params: { planId, day: "1" }, body: {} });
    expect((await undo()).json.day).toEqual(offTarget);
    await undo();
    const back = await undo();
    expect(back.status).toBe(200);
    expect(back.json.undo).toBeNull();
    expect((await readDays(planId))[0]).toEqual(dayOne);
    const none = await undo();
    expect(none.status).toBe(409);
    expect(none.json.error).toMatch(/no edit to undo/);
  });
});

describe("a swap beside a locked item", () => {
  it("keeps the locked item's food and grams, re-solving the rest", async () => {
    const { planId, days } = await generatedPlan(token);
    const dayOne = days[0] as PlanDay;
    const starch = firstItemOfGroup(dayOne, "starch");
    const grams = Math.round(Number(starch.grams) * 0.8);
    expect((await patch(planId, starch.id, { grams })).status).toBe(200);
    expect((await patch(planId, starch.id, { locked: true })).status).toBe(200);
    const protein = firstItemOfGroup(dayOne, "protein");
    const alternatives = await call(alternativesRoute.GET, { token, params: { planId, itemId: protein.id } });
    const choice = (alternatives.json.alternatives as { food_id: string }[])[0]?.food_id as string;
    const response = await call(swapRoute.POST, {
      token,
      params: { planId, itemId: protein.id },
      body: { food_id: choice },
    });
    expect(response.status).toBe(200);
    const day = response.json.day as PlanDay;
    expect(itemsOf(day).find((item) => item.id === starch.id)).toMatchObject({ grams, locked: true });
    expect(itemsOf(day).find((item) => item.id === protein.id)?.food_id).toBe(choice);
    expectTotalled(day);
    expect((await readDays(planId))[0]).toEqual(day);

    // The swap is in the day's history like any edit.
    expect(response.json.undo).toBe("swap");
    const undone = await call(undoRoute.POST, { token, params: { planId, day: "1" }, body: {} });
    expect(undone.json.undo).toBe("lock");
    expect(itemsOf(undone.json.day as PlanDay).find((item) => item.id === protein.id)?.food_id).toBe(protein.food_id);
  });
});

describe("refusals every edit shares", () => {
  it("is 404 for another org's plan and 409 naming what holds the day while a run writes it", async () => {
    const { planId, days } = await generatedPlan(token);
    const item = firstItemOfGroup(days[0] as PlanDay, "protein");
    expect((await patch(planId, item.id, { grams: 100 }, otherToken)).status).toBe(404);
    const theirs = await createPlan({ org_id: OTHER_ORG_ID });
    expect((await call(rebalanceRoute.POST, { token, params: { planId: theirs, day: "1" }, body: {} })).status).toBe(
      404,
    );

    await db()`update meal_plans set day_generation_id = gen_random_uuid(), day_generation_status = 'generating',
               day_generation_day = 1 where id = ${planId}`;
    const busy = await patch(planId, item.id, { grams: 100 });
    expect(busy.status).toBe(409);
    expect(busy.json.error).toMatch(/Day 1 is being regenerated/);
    const add = await call(addRoute.POST, {
      token,
      params: { planId, day: "1" },
      body: { meal_position: 0, food_id: item.food_id },
    });
    expect(add.status).toBe(409);
    // Another day of the plan is free to edit meanwhile.
    const other = firstItemOfGroup(days[1] as PlanDay, "protein");
    expect((await patch(planId, other.id, { grams: Math.round(Number(other.grams) * 0.8) })).status).toBe(200);

    await db()`update meal_plans set day_generation_status = null, generation_status = 'generating',
               generation_heartbeat_at = now() where id = ${planId}`;
    const whole = await call(undoRoute.POST, { token, params: { planId, day: "2" }, body: {} });
    expect(whole.status).toBe(409);
    expect(whole.json.error).toMatch(/plan is being generated/);
  });

  it("is 400 for a day that is not a day number", async () => {
    const { planId } = await generatedPlan(token);
    const response = await call(rebalanceRoute.POST, { token, params: { planId, day: "one" }, body: {} });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/day must be a day number/);
  });
});
