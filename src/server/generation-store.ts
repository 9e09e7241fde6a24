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

export type RetryingProgress = { days: string; attempt: number; of: number; fault: string };

/**
 * One failed attempt, as recorded on the plan (src/inngest/attempts/failed-attempt.ts).
 * `retryFollows`: whether the step will be tried again (false for a final
 * error or the last attempt), so the progress shows only a retry that comes.
 */
export type FailedAttemptEntry = {
  days: string;
  fault: string;
  attempt: number;
  maxAttempts: number;
  retryFollows: boolean;
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

/**
 * What both kinds of run (a whole plan, one day) keep on the plan row, under
 * one set of names: generationStore and dayGenerationStore implement it, so
 * the workflow builds both kinds' functions, failure paths and inline jobs
 * from one description (src/inngest/story/run-kinds.ts). `runId` is the
 * run's generation_id or day_generation_id.
 */
export type RunStore = {
  /** Whether this run is still the plan's generating run of its kind. */
  isCurrentRun: (planId: string, runId: string) => Promise<boolean>;
  /** Appends a failed attempt; how long its days have met this fault (null when the run no longer holds the plan). */
  recordFailedAttempt: (
    planId: string,
    runId: string,
    entry: FailedAttemptEntry,
  ) => Promise<{ repeatingForMs: number } | null>;
  /** The run's failed attempts so far, in order. */
  failedAttempts: (planId: string, runId: string) => Promise<{ days: string; fault: string }[]>;
  /** Ends the run in error with a coach-readable message; false when a newer run owns the plan. */
  markFailed: (planId: string, runId: string, message: string) => Promise<boolean>;
  /**
   * Inline runs only: names the process working on the run, so a restart can
   * take it up (inline-run-owners.ts). `request` is what a whole-plan run
   * plans, written beside it; a day run's request is its row, so it writes none.
   */
  holdInlineRun: (planId: string, runId: string, owner: string, request: Record<string, unknown>) => Promise<void>;
  /** A graceful stop: leaves the run generating, for the next start to take up at once. */
  releaseInlineRun: (planId: string, runId: string, owner: string) => Promise<void>;
};

/** The columns that hold one kind of run's failed attempts (whole plan or one day). */
export type AttemptColumns = {
  attempts: "generation_attempts" | "day_generation_attempts";
  runId: "generation_id" | "day_generation_id";
  status: "generation_status" | "day_generation_status";
  heartbeat: "generation_heartbeat_at" | "day_generation_heartbeat_at";
  /** The jsonb progress column that shows the retry, when the run has one. */
  progress?: "generation_progress";
};

const WHOLE_PLAN_ATTEMPTS: AttemptColumns = {
  attempts: "generation_attempts",
  runId: "generation_id",
  status: "generation_status",
  heartbeat: "generation_heartbeat_at",
  progress: "generation_progress",
};

/**
 * Appends one failed attempt to the run's list, as it happens (a small
 * write from inside the failing step), and shows the coming retry in the
 * progress (when none follows, a retry shown for these days is over). Answers how long this group of days has been meeting this same
 * fault, by the database's clock: since the first of its latest unbroken run
 * of attempts with this fault (0 when this is the first); null when the run
 * no longer holds the plan.
 */
export async function appendFailedAttempt(
  columns: AttemptColumns,
  planId: string,
  runId: string,
  entry: FailedAttemptEntry,
): Promise<{ repeatingForMs: number } | null> {
  const sql = db();
  const retrying: RetryingProgress = {
    days: entry.days,
    attempt: entry.attempt + 1,
    of: entry.maxAttempts,
    fault: entry.fault,
  };
  const progress = !columns.progress
    ? sql``
    : entry.retryFollows
      ? sql`, ${sql(columns.progress)} = ${sql(columns.progress)} || ${sql.json({ retrying })}`
      : sql`, ${sql(columns.progress)} = case when ${sql(columns.progress)} -> 'retrying' ->> 'days' = ${entry.days}::text
          then ${sql(columns.progress)} - 'retrying' else ${sql(columns.progress)} end`;
  const [row] = await sql<{ group_attempts: { fault: string; at: string }[] }[]>`
    update meal_plans set
      ${sql(columns.attempts)} = ${sql(columns.attempts)}
        || jsonb_build_array(jsonb_build_object('days', ${entry.days}::text, 'fault', ${entry.fault}::text, 'at', now())),
      ${sql(columns.heartbeat)} = now() ${progress}
    where id = ${planId} and ${sql(columns.runId)} = ${runId} and ${sql(columns.status)} = 'generating'
    returning (select coalesce(jsonb_agg(attempt), '[]'::jsonb) from jsonb_array_elements(${sql(columns.attempts)}) attempt
               where attempt ->> 'days' = ${entry.days}::text) as group_attempts`;
  if (!row) return null;
  const group = row.group_attempts;
  let first = group.length - 1;
  while (first > 0 && group[first - 1]?.fault === entry.fault) first -= 1;
  const last = group[group.length - 1];
  const since = Date.parse(last?.at ?? "") - Date.parse(group[first]?.at ?? "");
  return { repeatingForMs: Number.isFinite(since) ? since : 0 };
}

/** The run's failed attempts so far, in order (empty when a newer run owns the plan). */
export async function readFailedAttempts(
  columns: AttemptColumns,
  planId: string,
  runId: string,
): Promise<{ days: string; fault: string }[]> {
  const [row] = await db()<{ attempts: { days: string; fault: string }[] }[]>`
    select ${db()(columns.attempts)} as attempts from meal_plans
    where id = ${planId} and ${db()(columns.runId)} = ${runId}`;
  return row?.attempts ?? [];
}

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
