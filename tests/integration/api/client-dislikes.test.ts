import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as regenerate from "@/app/api/nutrition/plans/[planId]/days/[day]/regenerate/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as alternativesRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/alternatives/route";
import * as swapRoute from "@/app/api/nutrition/plans/[planId]/items/[itemId]/swap/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import type { PlanDay, PlanDetail } from "@/server/plan-detail";
import { call, demoCoachToken } from "../../support/api-client";
import { OTHER_ORG_ID } from "../../support/seed-ids";

/**
 * intake_data.disliked_foods: a client's dislikes, by catalogue food id.
 * Excluding a food excludes its family, everywhere a food can enter a plan.
 */

let token: string;
beforeAll(async () => {
  token = await demoCoachToken();
  // The inline runner says once that it is not durable.
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(async () => {
  await settleInlineRuns();
});

async function food(name: string): Promise<{ id: string; family: string; food_group: string }> {
  const [row] = await db()<{ id: string; family: string; food_group: string }[]>`
    select id, family, food_group from foods where name = ${name} and org_id is null`;
  if (!row) throw new Error(`no food ${name}`);
  return row;
}

async function familiesOf(ids: readonly string[]): Promise<string[]> {
  const rows = await db()<{ family: string }[]>`select family from foods where id = any(${ids as string[]}::uuid[])`;
  return rows.map((row) => row.family.trim().toLowerCase());
}

const itemsOf = (days: readonly PlanDay[]) => days.flatMap((day) => day.meals.flatMap((meal) => meal.items));

async function createWithDislikes(dislikes: string[], extra: Record<string, unknown> = {}) {
  return call(plans.POST, {
    token,
    body: {
      name: "Dislikes",
      plan_length_days: 3,
      intake_data: { calorie_target: 2200, disliked_foods: dislikes, ...extra },
    },
  });
}

describe("disliked foods", () => {
  it("answers 400 naming every id that is not a food of the coach's catalogue", async () => {
    const salmon = await food("Salmon, Atlantic, farmed, cooked, dry heat");
    const [theirs] = await db()<{ id: string }[]>`
      insert into foods (org_id, name, food_group, family, kcal_per_100g, protein_per_100g, carbs_per_100g,
                         fat_per_100g, fibre_per_100g, default_portion_g, diet_tags, allergens)
      values (${OTHER_ORG_ID}, 'Other gym shake', 'protein', 'shake', 100, 20, 2, 1, 0, 300, '{}', '{}')
      returning id`;
    const missing = "00000000-0000-4000-8000-00000000dead";
    const response = await createWithDislikes([salmon.id, missing, theirs?.id as string]);
    expect(response.status).toBe(400);
    expect(response.json.error).toContain(missing);
    expect(response.json.error).toContain(theirs?.id);
    expect(response.json.error).not.toContain(salmon.id);
    expect(response.json.details).toHaveLength(2);
    const [{ count }] = (await db()`select count(*)::int as count from meal_plans where name = 'Dislikes'`) as [
      { count: number },
    ];
    expect(count).toBe(0);
  });

  it("answers 400 for more than 50 dislikes or an id that is not one", async () => {
    const many = Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect((await createWithDislikes(many)).status).toBe(400);
    expect((await createWithDislikes(["salmon"])).status).toBe(400);
  });

  it("answers 400 when a start's intake names an unknown food, and starts nothing", async () => {
    const created = await createWithDislikes([]);
    const planId = created.json.id as string;
    const missing = "00000000-0000-4000-8000-00000000beef";
    const response = await call(start.POST, {
      token,
      params: { planId },
      body: { intake_data: { disliked_foods: [missing] } },
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toContain(missing);
    const detail = await call(planDetail.GET, { token, params: { planId } });
    expect(detail.json.generation_status).toBe("idle");
  });

  it("leaves every food of a disliked family out of the plan, its regenerated days and its swaps, and lists the dislikes", async () => {
    const chicken = await food("Chicken breast, meat only, roasted");
    const salmon = await food("Salmon, Atlantic, farmed, cooked, dry heat");
    const created = await createWithDislikes([chicken.id, salmon.id]);
    expect(created.status).toBe(201);
    const planId = created.json.id as string;
    const disliked = [chicken.family, salmon.family].map((family) => family.trim().toLowerCase());

    // A start that only changes the calories keeps the dislikes.
    expect(
      (await call(start.POST, { token, params: { planId }, body: { intake_data: { calorie_target: 2400 } } })).status,
    ).toBe(202);
    await settleInlineRuns();
    let detail = (await call(planDetail.GET, { token, params: { planId } })).json as PlanDetail;
    expect(detail.generation_status).toBe("complete");
    expect(detail.intake_data.calorie_target).toBe(2400);
    expect(detail.disliked_foods.map((f) => f.name).sort()).toEqual([
      "Chicken breast, meat only, roasted",
      "Salmon, Atlantic, farmed, cooked, dry heat",
    ]);
    expect(
      (await familiesOf(itemsOf(detail.days).map((item) => item.food_id))).filter((f) => disliked.includes(f)),
    ).toEqual([]);

    expect((await call(regenerate.POST, { token, params: { planId, day: "2" }, body: {} })).status).toBe(202);
    await settleInlineRuns();
    detail = (await call(planDetail.GET, { token, params: { planId } })).json as PlanDetail;
    expect(
      (await familiesOf(itemsOf(detail.days).map((item) => item.food_id))).filter((f) => disliked.includes(f)),
    ).toEqual([]);

    const protein = itemsOf(detail.days).find((item) => item.food_group === "protein");
    if (!protein) throw new Error("no protein item");
    const alternatives = await call(alternativesRoute.GET, { token, params: { planId, itemId: protein.id } });
    const offered = (alternatives.json.alternatives as { food_id: string }[]).map((a) => a.food_id);
    expect(offered.length).toBeGreaterThan(0);
    expect((await familiesOf(offered)).filter((f) => disliked.includes(f))).toEqual([]);

    const smoked = await db()<{ id: string }[]>`
      select id from foods where lower(trim(family)) = ${disliked[1] as string} and id <> ${salmon.id} and org_id is null limit 1`;
    const refused = await call(swapRoute.POST, {
      token,
      params: { planId, itemId: protein.id },
      body: { food_id: smoked[0]?.id ?? salmon.id },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatch(/disliked/);
  });
});
