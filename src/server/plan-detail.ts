import { resolvePlanSpec, type StoredPlanInputs } from "@/generation/intake/resolve-plan-spec";
import type { Caller } from "@/server/auth/authenticate";
import { asUser, type Database, type Transaction } from "@/server/database/index";

type Queryable = Database | Transaction;

import { notFound } from "@/server/http/api-error";
import type { DayRegenerationStatus, GenerationStatus } from "./plans";

export type PlanItem = {
  /** The item's id, for the swap routes. */
  id: string;
  food_id: string;
  food_name: string;
  food_group: string;
  grams: number;
  kcal: number;
  protein: number;
  carbs: number;
  fat: number;
};
export type PlanMeal = { name: string; items: PlanItem[] };
export type Totals = { kcal: number; protein: number; carbs: number; fat: number };
export type PlanDay = { day_number: number; totals: Totals; kcal_off_target_pct: number | null; meals: PlanMeal[] };

export type PlanDetail = {
  id: string;
  name: string;
  client_id: string | null;
  client_name: string | null;
  plan_length_days: number;
  intake_data: Record<string, unknown>;
  generation_status: GenerationStatus["generation_status"];
  generation_error: string | null;
  generation_model: string | null;
  progress: GenerationStatus["progress"];
  /** The last one-day regeneration (null when none), as the status read reports it. */
  day_regeneration: DayRegenerationStatus;
  targets: { kcal: number; macro_split: { protein_pct: number; carb_pct: number; fat_pct: number } } | null;
  days: PlanDay[];
  created_at: string;
  updated_at: string;
};

type Row = Omit<PlanDetail, "targets" | "days" | "progress"> &
  StoredPlanInputs & { generation_progress: PlanDetail["progress"]; days: Omit<PlanDay, "kcal_off_target_pct">[] };

/** A plan with its days, meals and items (food names included) in one query, and each day against its target. */
export async function readPlanDetail(caller: Caller, planId: string): Promise<PlanDetail> {
  const detail = await asUser(caller.claims, (tx) => selectPlanDetail(tx, planId, caller.orgId));
  if (!detail) throw notFound();
  return detail;
}

/**
 * The plan read itself, on whichever connection the caller holds: the
 * coach's (under RLS) or the server's, for a share link that already proved
 * which plan and org it reaches. Undefined when the plan is not in the org.
 */
export async function selectPlanDetail(sql: Queryable, planId: string, orgId: string): Promise<PlanDetail | undefined> {
  const [row] = await sql<Row[]>`
      select p.id, p.name, p.client_id, c.full_name as client_name, p.plan_length_days, p.intake_data, p.goal,
             p.calorie_target, p.macro_split, p.dietary_restrictions, p.generation_status, p.generation_error,
             p.generation_model, p.generation_progress, p.created_at, p.updated_at,
             case when p.day_generation_status is null then null
                  else json_build_object('day', p.day_generation_day, 'status', p.day_generation_status,
                                         'phase', p.day_generation_phase, 'error', p.day_generation_error)
             end as day_regeneration,
             coalesce((
               select json_agg(json_build_object(
                 'day_number', d.day_number,
                 'totals', json_build_object('kcal', d.total_kcal, 'protein', d.total_protein, 'carbs', d.total_carbs, 'fat', d.total_fat),
                 'meals', coalesce((
                   select json_agg(json_build_object(
                     'name', m.name,
                     'items', coalesce((
                       select json_agg(json_build_object(
                         'id', i.id, 'food_id', i.food_id, 'food_name', f.name, 'food_group', f.food_group, 'grams', i.grams,
                         'kcal', i.kcal, 'protein', i.protein, 'carbs', i.carbs, 'fat', i.fat) order by i.position)
                       from meal_plan_items i join foods f on f.id = i.food_id where i.meal_id = m.id), '[]'::json)
                   ) order by m.position)
                   from meal_plan_meals m where m.day_id = d.id), '[]'::json)
               ) order by d.day_number)
               from meal_plan_days d where d.plan_id = p.id), '[]'::json) as days
      from meal_plans p left join clients c on c.id = p.client_id
      where p.id = ${planId} and p.org_id = ${orgId}`;
  if (!row) return undefined;

  const targets = planTargets(row);
  const {
    generation_progress,
    goal: _goal,
    calorie_target: _calories,
    macro_split: _split,
    dietary_restrictions: _text,
    ...plan
  } = row;
  return {
    ...plan,
    progress: generation_progress,
    targets,
    days: row.days.map((day) => ({
      ...day,
      kcal_off_target_pct: targets ? Math.round(((day.totals.kcal - targets.kcal) / targets.kcal) * 1000) / 10 : null,
    })),
  };
}

function planTargets(stored: StoredPlanInputs): PlanDetail["targets"] {
  try {
    const spec = resolvePlanSpec(stored, {});
    return { kcal: spec.calorieTarget, macro_split: spec.macroSplit };
  } catch {
    return null;
  }
}
