import { db } from "@/server/database/index";
import { DEMO_ORG_ID } from "./seed-ids";

export type PlanOverrides = {
  org_id?: string;
  name?: string;
  plan_length_days?: number;
  intake_data?: Record<string, unknown>;
  generation_status?: "idle" | "generating" | "complete" | "error";
  generation_id?: string | null;
  generation_error?: string | null;
  client_id?: string | null;
  created_by?: string | null;
  start_date?: string | null;
  client_title?: string | null;
};

/** Inserts a meal plan through the service connection and returns its id. */
export async function createPlan(overrides: PlanOverrides = {}): Promise<string> {
  const sql = db();
  const [plan] = await sql<{ id: string }[]>`
    insert into meal_plans (org_id, name, plan_length_days, intake_data, generation_status, generation_id, generation_error,
                            client_id, created_by, start_date, client_title)
    values (
      ${overrides.org_id ?? DEMO_ORG_ID},
      ${overrides.name ?? "Test plan"},
      ${overrides.plan_length_days ?? 3},
      ${sql.json((overrides.intake_data ?? { calorie_target: 2000 }) as never)},
      ${overrides.generation_status ?? "idle"},
      ${overrides.generation_id ?? null},
      ${overrides.generation_error ?? null},
      ${overrides.client_id ?? null},
      ${overrides.created_by ?? null},
      ${overrides.start_date ?? null},
      ${overrides.client_title ?? null}
    )
    returning id`;
  if (!plan) throw new Error("plan insert returned nothing");
  return plan.id;
}

/** Adds a day with one meal holding one food, for constraint and RLS tests. */
export async function addDay(planId: string, dayNumber: number): Promise<string> {
  const sql = db();
  const [day] = await sql<{ id: string }[]>`
    insert into meal_plan_days (plan_id, day_number) values (${planId}, ${dayNumber}) returning id`;
  if (!day) throw new Error("day insert returned nothing");
  const [meal] = await sql<{ id: string }[]>`
    insert into meal_plan_meals (day_id, position, name) values (${day.id}, 0, 'Breakfast') returning id`;
  const [food] = await sql<{ id: string }[]>`select id from foods where org_id is null order by name limit 1`;
  await sql`
    insert into meal_plan_items (meal_id, food_id, position, grams, kcal, protein, carbs, fat)
    values (${meal?.id ?? ""}, ${food?.id ?? ""}, 0, 100, 100, 10, 10, 2)`;
  return day.id;
}
