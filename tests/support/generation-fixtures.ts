import { randomUUID } from "node:crypto";
import type { DraftDay } from "@/generation/drafts/draft-day";
import type { GenerateRequestedData } from "@/inngest/story/run-events";
import { db } from "@/server/database/index";
import { createPlan, type PlanOverrides } from "./plan-factory";
import { DEMO_ORG_ID } from "./seed-ids";

/** A plan already moved to generating by /start, and the event that start would send. */
export async function createGeneratingPlan(
  overrides: PlanOverrides & { request?: Record<string, unknown> } = {},
): Promise<GenerateRequestedData> {
  const generationId = randomUUID();
  const { request, ...planOverrides } = overrides;
  const planId = await createPlan({
    intake_data: { calorie_target: 2200, meals_per_day: 4 },
    ...planOverrides,
    generation_status: "generating",
    generation_id: generationId,
  });
  return { planId, orgId: overrides.org_id ?? DEMO_ORG_ID, generationId, request: request ?? {} };
}

export function generateEvent(data: GenerateRequestedData) {
  return { name: "plan/generate.requested" as const, id: data.generationId, data };
}

export type SavedPlan = {
  status: string;
  error: string | null;
  progress: { phase?: string; days_done?: number; days_total?: number };
  dayNumbers: number[];
  dayRows: number;
  mealRows: number;
  itemRows: number;
  dayTotals: { day_number: number; total_kcal: number }[];
};

/** What the database holds for a plan after a run. */
export async function readSavedPlan(planId: string): Promise<SavedPlan> {
  const sql = db();
  const [plan] = await sql<
    { generation_status: string; generation_error: string | null; generation_progress: SavedPlan["progress"] }[]
  >`
    select generation_status, generation_error, generation_progress from meal_plans where id = ${planId}`;
  const days = await sql<{ day_number: number; total_kcal: number }[]>`
    select day_number, total_kcal from meal_plan_days where plan_id = ${planId} order by day_number`;
  const [counts] = await sql<{ meals: number; items: number }[]>`
    select (select count(*) from meal_plan_meals m join meal_plan_days d on d.id = m.day_id where d.plan_id = ${planId})::int as meals,
           (select count(*) from meal_plan_items i join meal_plan_meals m on m.id = i.meal_id
              join meal_plan_days d on d.id = m.day_id where d.plan_id = ${planId})::int as items`;
  return {
    status: plan?.generation_status ?? "missing",
    error: plan?.generation_error ?? null,
    progress: plan?.generation_progress ?? {},
    dayNumbers: days.map((day) => day.day_number),
    dayRows: days.length,
    mealRows: counts?.meals ?? 0,
    itemRows: counts?.items ?? 0,
    dayTotals: days,
  };
}

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** A drafted day with one breakfast item, for store tests that need drafts but not a model. */
export function draftOfDay(day: number, foodName = "Porridge oats"): DraftDay {
  return {
    day_number: day,
    meals: [
      { name: "Breakfast", title: null, items: [{ food_id: randomUUID(), name: foodName, grams: 80, kcal: 300 }] },
    ],
    totals: { kcal: 300, protein: 10, carbs: 50, fat: 6 },
  };
}
