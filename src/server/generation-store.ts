import type { TransactionSql } from "postgres";
import type { MacroMiss } from "@/generation/adjust/balance-day";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { CATALOGUE_COLUMNS, CatalogueFoodSchema } from "@/generation/catalogue/catalogue";
import type { DraftDay } from "@/generation/drafts/draft-day";
import { STORED_PLAN_INPUT_COLUMNS, type StoredPlanInputs } from "@/generation/intake/resolve-plan-spec";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import { dayTotals } from "@/generation/nutrition/day-totals";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { db } from "@/server/database/index";
import { holdInlineRun, releaseInlineRun } from "./inline-run-owners";
import {
  type AttemptColumns,
  appendFailedAttempt,
  type FailedAttemptEntry,
  type RetryingProgress,
  type RunStore,
  readFailedAttempts,
} from "./run-store";

/**
 * What the generation workflow reads and writes, on the service connection
 * (the workflow acts for the org that queued it; row-level security is for
 * user-facing queries). Every write names the run's generation_id, so a run
 * that was superseded by a newer start changes nothing.
 */

export type GenerationProgress = {
  phase: "queued" | "pass-one" | "pass-two" | "scaling" | "deduplicating" | "balancing" | "done" | "cancelled";
  days_done: number;
  days_total: number;
  /** The first and last day of each planning pass, in order ([[1, 5], [6, 14]]), so the page can say which days are being planned. */
  passes?: [number, number][];
  /** While a group of days waits to be tried again: which, the coming attempt, of how many, and what the last met. */
  retrying?: RetryingProgress;
};

export type LoadedPlan =
  | { status: "superseded" }
  | {
      status: "current";
      plan: StoredPlanInputs & { id: string; org_id: string };
      catalogue: CatalogueFood[];
    };

/**
 * Reads the plan and the org's catalogue. A run replayed from the dashboard
 * after it failed (same generation_id, plan in error) moves the plan back to
 * generating so the page shows the retry. A run whose plan now belongs to a
 * newer generation, or is already complete, is "superseded": it does nothing.
 */
export async function loadPlanForGeneration(planId: string, generationId: string): Promise<LoadedPlan> {
  const sql = db();
  // A completed plan is left alone: replaying its run must not regenerate it.
  const [plan] = await sql<(StoredPlanInputs & { id: string; org_id: string; generation_id: string | null })[]>`
    update meal_plans
    set generation_status = 'generating', generation_error = null, generation_finished_at = null,
        generation_heartbeat_at = now(), generation_attempts = '[]'::jsonb,
        generation_started_at = case when generation_status = 'error' then now() else generation_started_at end
    where id = ${planId} and generation_id = ${generationId} and generation_status in ('generating', 'error')
    returning id, org_id, generation_id, ${sql(STORED_PLAN_INPUT_COLUMNS)}`;
  if (!plan) return { status: "superseded" };
  const rows = await sql`
    select ${sql(CATALOGUE_COLUMNS)} from foods where org_id is null or org_id = ${plan.org_id}
    order by name, id`;
  const catalogue = rows.map((row) => CatalogueFoodSchema.parse(row));
  const { generation_id: _current, ...inputs } = plan;
  return { status: "current", plan: inputs, catalogue };
}

export async function recordProgress(
  planId: string,
  generationId: string,
  progress: GenerationProgress,
): Promise<void> {
  await db()`
    update meal_plans set generation_progress = ${db().json(progress)}, generation_heartbeat_at = now()
    where id = ${planId} and generation_id = ${generationId} and generation_status = 'generating'`;
}

/**
 * A chunk of days has been planned and its answer passed its checks: in one
 * statement, its days are stored as drafts of this run (keyed by generation
 * id and day number, so a retried or replayed step rewrites them instead of
 * adding more) and the progress counts the run's drafted days. Chunks of a
 * pass may finish in any order; counting drafts rather than adding to a
 * number keeps a re-run step from counting its days twice. A retry shown for
 * these days is over; one shown for other days stays. Nothing is written
 * once the run no longer holds the plan.
 */
export async function addDaysDone(
  planId: string,
  generationId: string,
  phase: GenerationProgress["phase"],
  chunk: { days: string; drafts: readonly DraftDay[] },
  total: number,
): Promise<void> {
  const numbers = chunk.drafts.map((draft) => draft.day_number);
  await db()`
    with plan as (
      update meal_plans set generation_progress = jsonb_strip_nulls(
        coalesce(generation_progress, '{}'::jsonb) || jsonb_build_object(
        'phase', ${phase}::text,
        'days_done', least(${total}::int, ${numbers.length}::int + (
          select count(*) from meal_plan_drafts
          where plan_id = ${planId} and generation_id = ${generationId} and day_number <> all(${numbers}::int[]))::int),
        'days_total', ${total}::int,
        'retrying', case when generation_progress -> 'retrying' ->> 'days' = ${chunk.days}
                         then null else generation_progress -> 'retrying' end)),
        generation_heartbeat_at = now()
      where id = ${planId} and generation_id = ${generationId} and generation_status = 'generating'
      returning id, org_id)
    insert into meal_plan_drafts (plan_id, org_id, generation_id, day_number, day)
    select plan.id, plan.org_id, ${generationId}, draft.day_number, draft.day::jsonb
    from plan, unnest(${numbers}::int[], ${chunk.drafts.map((draft) => JSON.stringify(draft))}::text[]) as draft (day_number, day)
    on conflict (plan_id, generation_id, day_number) do update set day = excluded.day, created_at = now()`;
}

const WHOLE_PLAN_ATTEMPTS: AttemptColumns = {
  attempts: "generation_attempts",
  runId: "generation_id",
  status: "generation_status",
  heartbeat: "generation_heartbeat_at",
  progress: "generation_progress",
};

/** A meal rule a day could not meet, with the day's number. */
export type DayMealMiss = MealMiss & { day: number };

export type SavePlanInput = {
  days: PlannedDay[];
  /** Days the balance step could not bring to the macro split, and by how much (saved with the day). */
  macroMisses?: (MacroMiss & { day: number })[];
  /** Meal rules the balanced days could not meet, each with its day (saved with that day). */
  mealMisses?: DayMealMiss[];
  intakeData: Record<string, unknown> | undefined;
  planLengthDays: number;
  model: string;
  usage: Record<string, number>;
};

/**
 * What a save did: wrote the days; found a newer run owning the plan or the
 * run cancelled ("superseded"); or found the plan no longer generating for
 * this run ("settled": it completed, failed or was edited since the run
 * began), so it wrote nothing.
 */
export type SaveOutcome = "saved" | "superseded" | "settled";

/**
 * Replaces the plan's days, meals and items in one transaction with a fixed
 * number of statements (bulk inserts from arrays), whatever the plan's size,
 * only while this run holds the plan and the plan is still generating. A
 * coach can edit a plan only when it is not generating (plan-edits.ts), and
 * only load-context moves it back to generating: so a save that finds it
 * anything else (the same run's save replayed after it committed, or an old
 * run rerun from a later step with load-context memoised) would overwrite a
 * finished plan and any edits made since, and writes nothing.
 */
export async function savePlan(planId: string, generationId: string, input: SavePlanInput): Promise<SaveOutcome> {
  return db().begin(async (tx) => {
    const [locked] = await tx<{ generation_id: string | null; generation_status: string }[]>`
      select generation_id, generation_status from meal_plans where id = ${planId} for update`;
    // A newer run owns the plan, or the coach cancelled this one (cancel clears the id).
    if (!locked || locked.generation_id !== generationId) return "superseded" as const;
    if (locked.generation_status !== "generating") return "settled" as const;

    await tx`delete from meal_plan_days where plan_id = ${planId}`;
    // The balanced days replace the drafts: this run's, and any a superseded run left.
    await tx`delete from meal_plan_drafts where plan_id = ${planId}`;

    await insertDays(tx, planId, input.days, input.macroMisses, input.mealMisses);

    const doneProgress: GenerationProgress = {
      phase: "done",
      days_done: input.days.length,
      days_total: input.planLengthDays,
    };
    await tx`
      update meal_plans set
        generation_status = 'complete',
        generation_error = null,
        generation_finished_at = now(),
        generation_progress = ${tx.json(doneProgress)},
        generation_model = ${input.model},
        generation_usage = ${tx.json(input.usage)},
        plan_length_days = ${input.planLengthDays},
        intake_data = coalesce(${input.intakeData ? tx.json(input.intakeData as never) : null}::jsonb, intake_data)
      where id = ${planId}`;
    return "saved" as const;
  }) as Promise<SaveOutcome>;
}

/**
 * Inserts days with their meals and items with a fixed number of statements
 * (bulk inserts from arrays), whatever their number; totals computed here.
 * Each meal is saved with its dish title and preparation line when it has
 * them, each day with its macro miss and meal misses (null when none).
 * The caller has removed any rows for these day numbers in the same transaction.
 */
export async function insertDays(
  tx: TransactionSql,
  planId: string,
  days: readonly PlannedDay[],
  macroMisses: readonly (MacroMiss & { day: number })[] = [],
  mealMisses: readonly DayMealMiss[] = [],
): Promise<void> {
  const totals = days.map((day) => dayTotals(day));
  const missByDay = new Map(macroMisses.map(({ day, ...miss }) => [day, miss]));
  const mealMissesByDay = new Map<number, MealMiss[]>();
  for (const { day, ...miss } of mealMisses) mealMissesByDay.set(day, [...(mealMissesByDay.get(day) ?? []), miss]);
  // The misses travel as JSON text and become jsonb in SQL (a jsonb[] parameter would be stored as JSON strings).
  const savedDays = await tx<{ id: string; day_number: number }[]>`
      insert into meal_plan_days (plan_id, day_number, total_kcal, total_protein, total_carbs, total_fat, macro_miss, meal_misses)
      select ${planId}, day_number, kcal, protein, carbs, fat, macro_miss::jsonb, meal_misses::jsonb from unnest(
        ${days.map((day) => day.day)}::int[], ${totals.map((t) => t.kcal)}::numeric[],
        ${totals.map((t) => t.protein)}::numeric[], ${totals.map((t) => t.carbs)}::numeric[], ${totals.map((t) => t.fat)}::numeric[],
        ${days.map((day) => {
          const miss = missByDay.get(day.day);
          return miss ? JSON.stringify(miss) : null;
        })}::text[],
        ${days.map((day) => {
          const misses = mealMissesByDay.get(day.day);
          return misses ? JSON.stringify(misses) : null;
        })}::text[]) as day (day_number, kcal, protein, carbs, fat, macro_miss, meal_misses)
      returning id, day_number`;
  const dayIdByNumber = new Map(savedDays.map((row) => [row.day_number, row.id]));

  const meals = days.flatMap((day) =>
    day.meals.map((meal, position) => ({ dayId: dayIdByNumber.get(day.day) ?? "", position, meal })),
  );
  const savedMeals = await tx<{ id: string; day_id: string; position: number }[]>`
      insert into meal_plan_meals (day_id, position, name, title, preparation)
      select * from unnest(${meals.map((m) => m.dayId)}::uuid[], ${meals.map((m) => m.position)}::int[], ${meals.map((m) => m.meal.name)}::text[],
        ${meals.map((m) => m.meal.title ?? null)}::text[], ${meals.map((m) => m.meal.preparation ?? null)}::text[])
      returning id, day_id, position`;
  const mealIdByKey = new Map(savedMeals.map((row) => [`${row.day_id}:${row.position}`, row.id]));

  const items = meals.flatMap(({ dayId, position, meal }) =>
    meal.items.map((item, itemPosition) => ({
      mealId: mealIdByKey.get(`${dayId}:${position}`) ?? "",
      itemPosition,
      item,
    })),
  );
  await tx`
      insert into meal_plan_items (meal_id, food_id, position, grams, kcal, protein, carbs, fat)
      select * from unnest(
        ${items.map((i) => i.mealId)}::uuid[], ${items.map((i) => i.item.food_id)}::uuid[], ${items.map((i) => i.itemPosition)}::int[],
        ${items.map((i) => i.item.grams)}::numeric[], ${items.map((i) => i.item.kcal)}::numeric[], ${items.map((i) => i.item.protein)}::numeric[],
        ${items.map((i) => i.item.carbs)}::numeric[], ${items.map((i) => i.item.fat)}::numeric[])`;
}

/**
 * Whether this run is still the plan's generating run: one read by primary
 * key, made before each model call so that a run superseded, cancelled or
 * settled since it began (a rerun from a step included) spends no call.
 */
export async function isCurrentRun(planId: string, generationId: string): Promise<boolean> {
  const rows = await db()`
    select 1 from meal_plans
    where id = ${planId} and generation_id = ${generationId} and generation_status = 'generating'`;
  return rows.length > 0;
}

/** Ends a run in error with a coach-readable message, unless a newer run owns the plan. */
export async function markGenerationFailed(planId: string, generationId: string, message: string): Promise<boolean> {
  const result = await db()`
    update meal_plans
    set generation_status = 'error', generation_error = ${message}, generation_finished_at = now()
    where id = ${planId} and generation_id = ${generationId} and generation_status = 'generating'`;
  return result.count > 0;
}

/** The store as one value, so the workflow can be given another in tests. */
export const generationStore = {
  loadPlanForGeneration,
  recordProgress,
  addDaysDone,
  isCurrentRun,
  recordFailedAttempt: (planId: string, generationId: string, entry: FailedAttemptEntry) =>
    appendFailedAttempt(WHOLE_PLAN_ATTEMPTS, planId, generationId, entry),
  failedAttempts: (planId: string, generationId: string) =>
    readFailedAttempts(WHOLE_PLAN_ATTEMPTS, planId, generationId),
  savePlan,
  markFailed: markGenerationFailed,
  holdInlineRun,
  releaseInlineRun,
} satisfies RunStore & Record<string, unknown>;

export type GenerationStore = typeof generationStore;
