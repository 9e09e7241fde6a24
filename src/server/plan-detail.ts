import type { MacroMiss } from "@/generation/adjust/balance-day";
import type { MacroSplit } from "@/generation/generation-config";
import { type ShoppingFacts, ShoppingFactsSchema } from "@/generation/grocery/shopping-facts";
import {
  resolvePlanSpec,
  STORED_PLAN_INPUT_COLUMNS,
  type StoredPlanInputs,
} from "@/generation/intake/resolve-plan-spec";
import { type MealMiss, MealMissesSchema } from "@/generation/meals/meal-patterns";
import { asCaller } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import { type Database, db, type Transaction } from "@/server/database/index";
import { notFound } from "@/server/http/api-error";
import { type EditKind, lastEdits } from "./edited-day-store";
import type { DayRegenerationStatus, GenerationStatus } from "./generation-status";

type Queryable = Database | Transaction;

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
  /** Grams of fibre, from the catalogue's fibre per 100 g (not stored with the item). */
  fibre: number;
  /** Locked by the coach: the item keeps its food and grams when the rest of its day is rebalanced. */
  locked: boolean;
};
/** A meal: its slot name ("Lunch"), its dish title and one line of preparation (null when saved without), its items. */
export type PlanMeal = { name: string; title: string | null; preparation: string | null; items: PlanItem[] };
export type Totals = { kcal: number; protein: number; carbs: number; fat: number };
export type PlanDay = {
  day_number: number;
  totals: Totals;
  kcal_off_target_pct: number | null;
  /** How far the day's macros are from the split when the balance step could not reach it; null when on it. */
  macro_miss: MacroMiss | null;
  /** The meal rules the day's meals could not meet, and why; null when every meal meets its pattern. */
  meal_misses: MealMiss[] | null;
  meals: PlanMeal[];
  /** The day's newest hand edit, the one Undo takes back (null when it has none). */
  last_edit: EditKind | null;
};

export type PlanDetail = {
  id: string;
  name: string;
  client_id: string | null;
  client_name: string | null;
  /** The date of day 1 ("YYYY-MM-DD"), when the coach set one. */
  start_date: string | null;
  /** The title the client reads, when the coach set one (else clientFacingTitle's default). */
  client_title: string | null;
  plan_length_days: number;
  intake_data: Record<string, unknown>;
  generation_status: GenerationStatus["generation_status"];
  generation_error: string | null;
  generation_model: string | null;
  progress: GenerationStatus["progress"];
  /** The last one-day regeneration (null when none), as the status read reports it. */
  day_regeneration: DayRegenerationStatus;
  targets: { kcal: number; macro_split: MacroSplit } | null;
  /** The foods the client dislikes (intake_data.disliked_foods), by name; their families are left out of the plan too. */
  disliked_foods: { id: string; name: string; family: string }[];
  days: PlanDay[];
  /** How each food in the plan is bought (the grocery list's facts), by food id. */
  shopping: Record<string, ShoppingFacts>;
  created_at: string;
  updated_at: string;
};

type Row = Omit<PlanDetail, "targets" | "days" | "progress" | "shopping"> &
  StoredPlanInputs & {
    shopping: Record<string, unknown>;
    generation_progress: PlanDetail["progress"];
    days: (Omit<PlanDay, "kcal_off_target_pct" | "meal_misses" | "last_edit"> & { meal_misses: unknown })[];
  };

/**
 * A plan with its days, meals and items (food names included) in one query,
 * and each day against its target; only day `onlyDay` when given (an edit's
 * answer: a 28-day plan's whole read is most of an edit's time).
 */
export async function readPlanDetail(caller: Caller, planId: string, onlyDay?: number): Promise<PlanDetail> {
  // Side by side: the history is the server's (coaches have no grant on it), and is
  // used only once the plan read has proved the plan is the caller's.
  const [[[row]], edits] = await Promise.all([
    asCaller(caller, (tx) => [planDetailQuery(tx, planId, null, onlyDay ?? null)]),
    lastEdits(db(), planId),
  ]);
  if (!row) throw notFound();
  return toPlanDetail(row, edits);
}

/**
 * The plan read on whichever connection the caller holds, for a share link
 * that already proved which plan and org it reaches (the server's
 * connection). Undefined when the plan is not in the org.
 */
export async function selectPlanDetail(sql: Queryable, planId: string, orgId: string): Promise<PlanDetail | undefined> {
  const [row] = await planDetailQuery(sql, planId, orgId, null);
  return row ? toPlanDetail(row, new Map()) : undefined;
}

/** The one query behind a plan read: the given org, or (null) the signed-in caller's; one day, or (null) all. */
function planDetailQuery(sql: Queryable, planId: string, orgId: string | null, onlyDay: number | null) {
  return sql<Row[]>`
      select p.id, p.name, p.client_id, c.full_name as client_name,
             to_char(p.start_date, 'YYYY-MM-DD') as start_date, p.client_title,
             ${sql(STORED_PLAN_INPUT_COLUMNS.map((column) => `p.${column}`))}, p.generation_status, p.generation_error,
             p.generation_model, p.generation_progress, p.created_at, p.updated_at,
             case when p.day_generation_status is null then null
                  else json_build_object('day', p.day_generation_day, 'meal', p.day_generation_meal,
                                         'status', p.day_generation_status,
                                         'phase', p.day_generation_phase, 'error', p.day_generation_error,
                                         'resumed_at', to_char(p.day_generation_resumed_at at time zone 'UTC',
                                                               'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             end as day_regeneration,
             coalesce((
               select json_agg(json_build_object('id', f.id, 'name', f.name, 'family', f.family) order by f.name)
               from foods f
               where (f.org_id is null or f.org_id = p.org_id)
                 and jsonb_typeof(p.intake_data -> 'disliked_foods') = 'array'
                 and f.id::text in (select jsonb_array_elements_text(p.intake_data -> 'disliked_foods'))
             ), '[]'::json) as disliked_foods,
             coalesce((
               select json_object_agg(f.id, json_build_object(
                 'buy_as', f.buy_as, 'aisle', f.aisle, 'cooked_yield', f.cooked_yield,
                 'count_unit', f.count_unit, 'grams_per_unit', f.grams_per_unit))
               from foods f
               where f.id in (select i.food_id from meal_plan_days d
                              join meal_plan_meals m on m.day_id = d.id
                              join meal_plan_items i on i.meal_id = m.id
                              where d.plan_id = p.id)
             ), '{}'::json) as shopping,
             coalesce((
               select json_agg(json_build_object(
                 'day_number', d.day_number,
                 'totals', json_build_object('kcal', d.total_kcal, 'protein', d.total_protein, 'carbs', d.total_carbs, 'fat', d.total_fat),
                 'macro_miss', d.macro_miss,
                 'meal_misses', d.meal_misses,
                 'meals', coalesce((
                   select json_agg(json_build_object(
                     'name', m.name, 'title', m.title, 'preparation', m.preparation,
                     'items', coalesce((
                       select json_agg(json_build_object(
                         'id', i.id, 'food_id', i.food_id, 'food_name', f.name, 'food_group', f.food_group, 'grams', i.grams,
                         'kcal', i.kcal, 'protein', i.protein, 'carbs', i.carbs, 'fat', i.fat,
                         'fibre', round(i.grams * f.fibre_per_100g / 100, 1), 'locked', i.locked) order by i.position)
                       from meal_plan_items i join foods f on f.id = i.food_id where i.meal_id = m.id), '[]'::json)
                   ) order by m.position)
                   from meal_plan_meals m where m.day_id = d.id), '[]'::json)
               ) order by d.day_number)
               from meal_plan_days d
               where d.plan_id = p.id and (${onlyDay}::int is null or d.day_number = ${onlyDay}::int)), '[]'::json) as days
      from meal_plans p left join clients c on c.id = p.client_id
      where p.id = ${planId} and p.org_id = coalesce(${orgId}::uuid, public.caller_org_id())`;
}

function toPlanDetail(row: Row, edits: ReadonlyMap<number, EditKind>): PlanDetail {
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
    shopping: readShoppingFacts(row.shopping),
    progress: generation_progress,
    targets,
    days: row.days.map((day) => ({
      ...day,
      meal_misses: readMealMisses(day.meal_misses),
      last_edit: edits.get(day.day_number) ?? null,
      kcal_off_target_pct: targets ? Math.round(((day.totals.kcal - targets.kcal) / targets.kcal) * 1000) / 10 : null,
    })),
  };
}

/**
 * A day's stored meal misses as the page shows them: null for none, and null
 * for a value that is not a list of misses (a bad stored value must not stop
 * the plan from being read; the day then shows no miss note).
 */
function readMealMisses(stored: unknown): MealMiss[] | null {
  const parsed = MealMissesSchema.safeParse(stored);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

/** The stored shopping facts by food id; a food whose stored facts do not parse is left out (the list then buys it by its name). */
function readShoppingFacts(stored: Record<string, unknown>): Record<string, ShoppingFacts> {
  const facts: Record<string, ShoppingFacts> = {};
  for (const [foodId, value] of Object.entries(stored ?? {})) {
    const parsed = ShoppingFactsSchema.safeParse(value);
    if (parsed.success) facts[foodId] = parsed.data;
  }
  return facts;
}

function planTargets(stored: StoredPlanInputs): PlanDetail["targets"] {
  try {
    const spec = resolvePlanSpec(stored, {});
    return { kcal: spec.calorieTarget, macro_split: spec.macroSplit };
  } catch {
    return null;
  }
}
