import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { type CatalogueFood, CatalogueFoodSchema } from "@/generation/catalogue/catalogue";
import { worstMacroPoints } from "@/generation/nutrition/macros";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import { resetEnvForTests } from "@/server/env";
import { savePlan } from "@/server/generation-store";
import type { PlanDay } from "@/server/plan-detail";
import { call, demoCoachToken } from "../../support/api-client";
import { makeDay } from "../../support/food-factory";
import { createPlan } from "../../support/plan-factory";

let token: string;
beforeAll(async () => {
  token = await demoCoachToken();
});

afterEach(async () => {
  await settleInlineRuns();
  vi.restoreAllMocks();
  delete process.env.GENERATION_RUNNER;
  resetEnvForTests();
});

async function seededFood(name: string): Promise<CatalogueFood> {
  const [row] = await db()`select * from foods where org_id is null and name = ${name}`;
  return CatalogueFoodSchema.parse(row);
}

describe("a day saved off its macro split", () => {
  it("is stored with how far each macro misses and read back beside that day only", async () => {
    const generationId = randomUUID();
    const planId = await createPlan({
      plan_length_days: 2,
      generation_status: "generating",
      generation_id: generationId,
    });
    const rice = await seededFood("Rice, white, long-grain, cooked");
    const chicken = await seededFood("Chicken breast, meat only, roasted");
    const days = [
      makeDay(1, {
        Lunch: [
          [rice, 600],
          [chicken, 250],
        ],
      }),
      makeDay(2, { Lunch: [[rice, 1500]] }),
    ];
    const miss = { protein_pts: -21.7, carb_pts: 29.4, fat_pts: -7.7 };

    const saved = await savePlan(planId, generationId, {
      days,
      macroMisses: [{ day: 2, ...miss }],
      intakeData: undefined,
      planLengthDays: 2,
      model: "test",
      usage: {},
    });
    expect(saved).toBe("saved");

    const plan = await call(planDetail.GET, { token, params: { planId } });
    const read = plan.json.days as PlanDay[];
    expect(read.map((day) => [day.day_number, day.macro_miss])).toEqual([
      [1, null],
      [2, miss],
    ]);
  });

  it("cannot be stored without all three macros", async () => {
    const planId = await createPlan();
    await expect(
      db()`insert into meal_plan_days (plan_id, day_number, macro_miss) values (${planId}, 1, ${db().json({ protein_pts: -9 })})`,
    ).rejects.toThrow(/check constraint/);
  });
});

describe("a plan generated inline through the routes", () => {
  it("saves every day on its calories and within 5 points of a 40 % protein vegan split, with no miss recorded", async () => {
    process.env.GENERATION_RUNNER = "inline";
    resetEnvForTests();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const split = { protein_pct: 40, carb_pct: 35, fat_pct: 25 };
    const created = await call(plans.POST, {
      token,
      body: {
        name: "Vegan cut",
        plan_length_days: 3,
        intake_data: { calorie_target: 2000, macro_split: split, diet: ["vegan"], meals_per_day: 4 },
      },
    });
    const params = { planId: created.json.id as string };
    expect((await call(start.POST, { token, params, body: {} })).status).toBe(202);
    await settleInlineRuns();

    const plan = await call(planDetail.GET, { token, params });
    expect(plan.json.generation_status).toBe("complete");
    const days = plan.json.days as PlanDay[];
    expect(days).toHaveLength(3);
    for (const day of days) {
      expect(Math.abs(day.kcal_off_target_pct ?? Number.NaN)).toBeLessThanOrEqual(3);
      expect(worstMacroPoints(day.totals, split)).toBeLessThanOrEqual(5);
      expect(day.macro_miss).toBeNull();
    }
  });
});
