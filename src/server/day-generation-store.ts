import type { TransactionSql } from "postgres";
import type { MacroMiss } from "@/generation/adjust/balance-day";
import type { EditableDay } from "@/generation/adjust/edit-day";
import type { CarriedMeal } from "@/generation/adjust/fixed-items";
import { CATALOGUE_COLUMNS, type CatalogueFood, CatalogueFoodSchema } from "@/generation/catalogue/catalogue";
import { STORED_PLAN_INPUT_COLUMNS, type StoredPlanInputs } from "@/generation/intake/resolve-plan-spec";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { db, type Transaction } from "@/server/database/index";
import { pushHistory, readDayToWrite, writeEditedDay } from "./edited-day-store";
import { insertDays } from "./generation-store";
import { holdInlineDayRun, releaseInlineDayRun } from "./inline-run-owners";
import {
  type AttemptColumns,
  appendFailedAttempt,
  type FailedAttemptEntry,
  type RunStore,
  readFailedAttempts,
} from "./run-store";

/**
 * What the regenerate-plan-day workflow reads and writes, on the service
 * connection. Every write names the run's day_generation_id, so a run that
 * was superseded (a newer day run, a whole-plan run) changes nothing.
 */

export type DayGenerationPhase = "queued" | "planning" | "scaling" | "deduplicating" | "balancing" | "saving" | "done";

export type LoadedDayPlan =
  | { status: "superseded" }
  | {
      status: "current";
      day: number;
      plan: StoredPlanInputs & { id: string; org_id: string };
      catalogue: CatalogueFood[];
      /** Food ids each saved day uses, by day number. */
      foodIdsByDay: Record<number, string[]>;
      /** The meal the run regenerates (by name), or null for the whole day. */
      meal: string | null;
      /** The day as saved (meals in order, items with their ids and locks), or null when it has none. */
      saved: EditableDay | null;
    };

/** The day as saved (meals in order, items with their ids and locks), or null when it has none. */
async function savedDay(planId: string, dayNumber: number): Promise<EditableDay | null> {
  const sql = db();
  const [owner] = await sql<{ day_id: string; day_number: number; macro_miss: unknown; meal_misses: unknown }[]>`
    select id as day_id, day_number, macro_miss, meal_misses from meal_plan_days
    where plan_id = ${planId} and day_number = ${dayNumber}`;
  return owner ? (await readDayToWrite(sql, owner)).edited.day : null;
}

/**
 * Reads the plan, the org's catalogue and the foods each day uses. A run
 * replayed after it failed moves its status back to generating; a run that
 * is no longer the plan's current day run, or whose plan a whole-plan run now
 * holds, is superseded.
 */
export async function loadPlanForDay(planId: string, dayGenerationId: string): Promise<LoadedDayPlan> {
  const sql = db();
  const [plan] = await sql<
    (StoredPlanInputs & {
      id: string;
      org_id: string;
      day_generation_day: number;
      day_generation_meal: string | null;
    })[]
  >`
    update meal_plans
    set day_generation_status = 'generating', day_generation_error = null, day_generation_phase = 'planning',
        day_generation_heartbeat_at = now(), day_generation_attempts = '[]'::jsonb
    where id = ${planId} and day_generation_id = ${dayGenerationId}
      and day_generation_status in ('generating', 'error') and generation_status <> 'generating'
    returning id, org_id, day_generation_day, day_generation_meal, ${sql(STORED_PLAN_INPUT_COLUMNS)}`;
  if (!plan) {
    await endDayRunHeldByWholePlan(planId, dayGenerationId);
    return { status: "superseded" };
  }
  const { day_generation_day: day, day_generation_meal: meal, ...inputs } = plan;
  // Three reads that need only the plan row: made at once.
  const [rows, used, saved] = await Promise.all([
    sql`select ${sql(CATALOGUE_COLUMNS)} from foods where org_id is null or org_id = ${plan.org_id} order by name, id`,
    sql<{ day_number: number; food_ids: string[] }[]>`
      select d.day_number, array_agg(distinct i.food_id::text) as food_ids
      from meal_plan_days d join meal_plan_meals m on m.day_id = d.id join meal_plan_items i on i.meal_id = m.id
      where d.plan_id = ${planId} group by d.day_number`,
    savedDay(planId, day),
  ]);
  return {
    status: "current",
    day,
    meal,
    saved,
    plan: inputs,
    catalogue: rows.map((row) => CatalogueFoodSchema.parse(row)),
    foodIdsByDay: Object.fromEntries(used.map((row) => [row.day_number, row.food_ids])),
  };
}

export async function recordDayPhase(
  planId: string,
  dayGenerationId: string,
  phase: DayGenerationPhase,
): Promise<void> {
  await db()`
    update meal_plans set day_generation_phase = ${phase}, day_generation_heartbeat_at = now()
    where id = ${planId} and day_generation_id = ${dayGenerationId} and day_generation_status = 'generating'`;
}

/**
 * Replaces one day (its row, meals and items) in one transaction, only while
 * this run is the plan's current day run and no whole-plan run holds the
 * plan. A replay of a save that already committed answers "saved" and
 * writes nothing again.
 */
export async function saveDay(
  planId: string,
  dayGenerationId: string,
  day: PlannedDay,
  /** How far the day misses the macro split, when the balance step could not reach it. */
  macroMiss: MacroMiss | null = null,
  /** The meal rules the day could not meet, and why (none: stored as null). */
  mealMisses: readonly MealMiss[] = [],
  /** Where the day's locked items sit ("meal name:index"): they stay locked in the new day. */
  lockedKeys: readonly string[] = [],
): Promise<"saved" | "superseded"> {
  return whileCurrent(planId, dayGenerationId, async (tx) => {
    await tx`delete from meal_plan_days where plan_id = ${planId} and day_number = ${day.day}`;
    await insertDays(
      tx,
      planId,
      [day],
      macroMiss ? [{ day: day.day, ...macroMiss }] : [],
      mealMisses.map((miss) => ({ day: day.day, ...miss })),
    );
    if (lockedKeys.length > 0) {
      const at = lockedKeys.map((key) => {
        const split = key.lastIndexOf(":");
        return { meal: key.slice(0, split), position: Number(key.slice(split + 1)) };
      });
      await tx`
        update meal_plan_items i set locked = true
        from meal_plan_meals m join meal_plan_days d on d.id = m.day_id,
          unnest(${at.map((each) => each.meal)}::text[], ${at.map((each) => each.position)}::int[]) as v(meal, position)
        where i.meal_id = m.id and d.plan_id = ${planId} and d.day_number = ${day.day}
          and m.name = v.meal and i.position = v.position`;
    }
  });
}

/**
 * Writes a meal run's day in place (its meals keep their rows; the other
 * meals' items and the locked ones keep their ids), with the day as it was
 * pushed onto its history so Undo takes the meal back; only while this run
 * is the plan's current day run, as saveDay.
 */
export async function saveMeal(
  planId: string,
  dayGenerationId: string,
  meals: readonly CarriedMeal[],
  dayNumber: number,
  macroMiss: MacroMiss | null,
  mealMisses: readonly MealMiss[],
): Promise<"saved" | "superseded"> {
  return whileCurrent(planId, dayGenerationId, async (tx) => {
    const [owner] = await tx<{ day_id: string; day_number: number; macro_miss: unknown; meal_misses: unknown }[]>`
      select id as day_id, day_number, macro_miss, meal_misses from meal_plan_days
      where plan_id = ${planId} and day_number = ${dayNumber}`;
    if (!owner) throw new Error(`day ${dayNumber} of plan ${planId} is gone`);
    // The edit store's statements take the server's connection type; this transaction is one.
    const server = tx as unknown as Transaction;
    const before = await readDayToWrite(server, owner);
    // Each saved meal keeps its row: it takes the solved meal of its name (a meal the solve left empty stays as it was).
    const written = before.edited.day.meals.map((meal) => meals.find((each) => each.name === meal.name) ?? meal);
    await pushHistory(server, "regenerate-meal", before);
    await writeEditedDay(server, {
      ...before,
      edited: { day: { day: dayNumber, meals: written }, miss: macroMiss, mealMisses: [...mealMisses] },
    });
  });
}

/**
 * Runs `write` in one transaction holding the plan's row, only while this
 * run is the plan's current day run and no whole-plan run holds the plan,
 * then marks the run complete. A replay of a save that already committed
 * answers "saved" and writes nothing again.
 */
function whileCurrent(
  planId: string,
  dayGenerationId: string,
  write: (tx: TransactionSql) => Promise<void>,
): Promise<"saved" | "superseded"> {
  return db().begin(async (tx) => {
    const [locked] = await tx<
      { day_generation_id: string | null; day_generation_status: string | null; generation_status: string }[]
    >`select day_generation_id, day_generation_status, generation_status from meal_plans where id = ${planId} for update`;
    if (!locked || locked.day_generation_id !== dayGenerationId) return "superseded" as const;
    if (locked.day_generation_status === "complete") return "saved" as const;
    if (locked.day_generation_status !== "generating") return "superseded" as const;
    if (locked.generation_status === "generating") {
      await tx`
        update meal_plans set day_generation_status = 'error', day_generation_error = ${WHOLE_PLAN_MESSAGE}
        where id = ${planId}`;
      return "superseded" as const;
    }
    await write(tx);
    await tx`
      update meal_plans set day_generation_status = 'complete', day_generation_phase = 'done',
        day_generation_error = null, day_generation_heartbeat_at = now()
      where id = ${planId}`;
    return "saved" as const;
  }) as Promise<"saved" | "superseded">;
}

const WHOLE_PLAN_MESSAGE = "A whole-plan generation started, so this day was not regenerated";

/**
 * A day run that finds a whole-plan run holding its plan ends in error,
 * saying why, so its status does not read "generating" until it goes stale.
 */
async function endDayRunHeldByWholePlan(planId: string, dayGenerationId: string): Promise<void> {
  await db()`
    update meal_plans set day_generation_status = 'error', day_generation_error = ${WHOLE_PLAN_MESSAGE}
    where id = ${planId} and day_generation_id = ${dayGenerationId} and day_generation_status = 'generating'
      and generation_status = 'generating'`;
}

/**
 * Whether this day run is still the plan's generating day run, with no
 * whole-plan run holding the plan: read before the day's model call.
 */
export async function isCurrentDayRun(planId: string, dayGenerationId: string): Promise<boolean> {
  const rows = await db()`
    select 1 from meal_plans
    where id = ${planId} and day_generation_id = ${dayGenerationId} and day_generation_status = 'generating'
      and generation_status <> 'generating'`;
  return rows.length > 0;
}

/** Ends a day run in error with a coach-readable message, unless it is no longer the current one. */
export async function markDayGenerationFailed(
  planId: string,
  dayGenerationId: string,
  message: string,
): Promise<boolean> {
  const result = await db()`
    update meal_plans set day_generation_status = 'error', day_generation_error = ${message}
    where id = ${planId} and day_generation_id = ${dayGenerationId} and day_generation_status = 'generating'`;
  return result.count > 0;
}

const DAY_RUN_ATTEMPTS: AttemptColumns = {
  attempts: "day_generation_attempts",
  runId: "day_generation_id",
  status: "day_generation_status",
  heartbeat: "day_generation_heartbeat_at",
};

export const dayGenerationStore = {
  loadPlanForDay,
  recordDayPhase,
  isCurrentRun: isCurrentDayRun,
  recordFailedAttempt: (planId: string, dayGenerationId: string, entry: FailedAttemptEntry) =>
    appendFailedAttempt(DAY_RUN_ATTEMPTS, planId, dayGenerationId, entry),
  failedAttempts: (planId: string, dayGenerationId: string) =>
    readFailedAttempts(DAY_RUN_ATTEMPTS, planId, dayGenerationId),
  saveDay,
  saveMeal,
  markFailed: markDayGenerationFailed,
  holdInlineRun: holdInlineDayRun,
  releaseInlineRun: releaseInlineDayRun,
} satisfies RunStore & Record<string, unknown>;

export type DayGenerationStore = typeof dayGenerationStore;
