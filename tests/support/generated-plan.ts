import { expect } from "vitest";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import type { PlanDay, PlanItem } from "@/server/plan-detail";
import { call } from "./api-client";
import { createPlan } from "./plan-factory";

/** A plan generated through the real route and inline runner (offline planner), as `token`'s coach reads it. */
export async function generatedPlan(
  token: string,
  intake: Record<string, unknown> = { calorie_target: 2200 },
  days = 2,
): Promise<{ planId: string; days: PlanDay[] }> {
  const planId = await createPlan({ plan_length_days: days, intake_data: intake });
  expect((await call(start.POST, { token, params: { planId }, body: {} })).status).toBe(202);
  await settleInlineRuns();
  const detail = await call(planDetail.GET, { token, params: { planId } });
  expect(detail.json.generation_status).toBe("complete");
  return { planId, days: detail.json.days as PlanDay[] };
}

/** The day's first item of a food group (throws when it has none). */
export function firstItemOfGroup(day: PlanDay, group: string): PlanItem {
  const item = day.meals.flatMap((meal) => meal.items).find((candidate) => candidate.food_group === group);
  if (!item) throw new Error(`day ${day.day_number} has no ${group} item`);
  return item;
}

/** A food of the shared catalogue, by name. */
export async function sharedFoodNamed(name: string): Promise<string> {
  const [food] = await db()<{ id: string }[]>`select id from foods where name = ${name} and org_id is null`;
  if (!food) throw new Error(`no food ${name}`);
  return food.id;
}
