import { type DraftCursor, draftCursor } from "@/generation/drafts/draft-cursor";
import type { DraftDay } from "@/generation/drafts/draft-day";
import type { CreatePlanBody } from "@/generation/intake/create-plan-body";
import type { GenerateBody } from "@/generation/intake/intake";
import { PlanInputError } from "@/generation/intake/plan-input-error";
import type { PlanSettingsBody } from "@/generation/intake/plan-settings";
import {
  resolvePlanSpec,
  STORED_PLAN_INPUT_COLUMNS,
  type StoredPlanInputs,
} from "@/generation/intake/resolve-plan-spec";
import { asCaller } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import { type Database, db, type Transaction } from "@/server/database/index";
import { ApiError, badRequest, notFound } from "@/server/http/api-error";
import { markDayGenerationFailed } from "./day-generation-store";
import { type GenerationProgress, markGenerationFailed } from "./generation-store";
import { type SpendCheck, spendCheck, spendRefusal, type TokenUsage, takeSpendToken } from "./spend-limits";

/**
 * What the plan routes do, as the signed-in coach under row-level security,
 * each in one transaction sent as one round trip (`asCaller`). Every query
 * also filters by the caller's org (`public.caller_org_id()`); RLS is the
 * second lock.
 */

/**
 * `started`: this call moved the plan to generating and must dispatch the run.
 * `redispatch`: a run was queued but has shown no sign of life for a while
 * (the dispatch may have been lost with its function invocation): dispatch the
 * same generation again; Inngest drops the repeat if the first one arrived.
 */
export type StartResult = { generationId: string; orgId: string; started: boolean; redispatch: boolean };

/** A queued run silent this long is dispatched again on the next Start. */
export const REDISPATCH_AFTER_SECONDS = 60;

export const QUEUE_FAILED_MESSAGE = "Could not queue generation; try again";

/**
 * Moves the plan to generating with a new generation id in one statement,
 * unless a run is already live (then answers that run's id). A generating plan
 * with no sign of life (heartbeat) for `staleAfterMinutes` counts as dead and
 * may be restarted.
 *
 * One read under RLS (one round trip) finds the plan, its org and whether a
 * run is live; a live run is answered from it without writing. Otherwise one
 * statement locks the plan row, takes the spend limits' tokens, reserves
 * `estimateTokens(days)` against the org's daily budget and makes the
 * transition; when concurrent starts race, exactly one wins and is charged,
 * and the others answer the winner's generation id, charged nothing.
 */
export async function startGeneration(
  caller: Caller,
  planId: string,
  body: GenerateBody,
  staleAfterMinutes: number,
  estimateTokens: (days: number) => number,
): Promise<StartResult> {
  const [[stored], unknownDisliked] = await asCaller(caller, (tx) => [
    tx<(StoredPlanInputs & { org_id: string; generation_id: string | null; live: boolean; lost: boolean })[]>`
      select org_id, ${tx(STORED_PLAN_INPUT_COLUMNS)},
             generation_id,
             (generation_status = 'generating'
              and generation_heartbeat_at >= now() - make_interval(mins => ${staleAfterMinutes}::int)) as live,
             (generation_progress ->> 'phase' = 'queued'
              and generation_heartbeat_at < now() - make_interval(secs => ${REDISPATCH_AFTER_SECONDS}::int)) as lost
      from meal_plans where id = ${planId} and org_id = public.caller_org_id()`,
    unknownFoodIds(tx, body.intake_data?.disliked_foods ?? []),
  ]);
  if (!stored) throw notFound();
  refuseUnknownDislikes(unknownDisliked);
  try {
    resolvePlanSpec(stored, body);
  } catch (error) {
    if (error instanceof PlanInputError) throw badRequest(error.message);
    throw error;
  }
  const orgId = stored.org_id;
  if (stored.live && stored.generation_id) {
    return { generationId: stored.generation_id, orgId, started: false, redispatch: stored.lost };
  }
  const days = Number(body.plan_length_days ?? stored.plan_length_days);
  const reserve = Math.ceil(estimateTokens(days));

  // The transition itself is the server's to make (coaches have no grant on
  // the generation columns); the read above, under RLS, proved the caller's
  // org owns the plan, and the org filter below repeats it. One statement:
  // `plan` locks the row while no live run holds it, so starts racing on one
  // plan take turns and every one after the winner finds it live and is
  // charged nothing (it answers the winner's run below); the spend check
  // runs only for the row it locked, takes the tokens and checks the budget
  // with the reservations of the org's live runs; the transition writes this
  // run's reservation only if they were taken. No extra round trip.
  const sql = db();
  const [outcome] = await sql<(SpendCheck & { generation_id: string | null })[]>`
    with plan as (
      select id from meal_plans
      where id = ${planId} and org_id = ${orgId}
        and (generation_status <> 'generating'
             or generation_heartbeat_at < now() - make_interval(mins => ${staleAfterMinutes}::int))
      for update),
    spend as (${spendCheck(sql, "start", { userId: caller.userId, orgId }, { gate: sql`exists (select 1 from plan)`, staleAfterMinutes })}),
    started as (
    update meal_plans set
      generation_status = 'generating',
      generation_id = gen_random_uuid(),
      generation_error = null,
      generation_started_at = now(),
      generation_heartbeat_at = now(),
      generation_finished_at = null,
      generation_runner = null,
      generation_request = null,
      generation_resumed_at = null,
      generation_reserved_tokens = ${reserve}::bigint,
      generation_spent_tokens = 0,
      generation_progress = jsonb_build_object('phase', 'queued', 'days_done', 0, 'days_total', ${days}::int)
    where id = (select id from plan) and (select allowed from spend)
    returning id, generation_id),
    -- A new run supersedes the drafts of any run before it.
    cleared as (delete from meal_plan_drafts where plan_id in (select id from started))
    select spend.*, (select generation_id from started) as generation_id from spend`;
  const refused = spendRefusal(outcome, "start");
  if (refused) throw refused;
  if (outcome?.generation_id) {
    return { generationId: outcome.generation_id, orgId, started: true, redispatch: false };
  }

  // A concurrent start won the row between the read and the update: answer with its run.
  const [live] = await sql<{ generation_id: string | null; lost: boolean }[]>`
    select generation_id,
           (generation_progress ->> 'phase' = 'queued'
            and generation_heartbeat_at < now() - make_interval(secs => ${REDISPATCH_AFTER_SECONDS}::int)) as lost
    from meal_plans where id = ${planId} and org_id = ${orgId}`;
  if (!live) throw notFound();
  if (!live.generation_id) throw new ApiError(409, "The plan changed while generation was being started; try again");
  return { generationId: live.generation_id, orgId, started: false, redispatch: live.lost };
}

/** The event could not be queued: the plan must not be left generating. */
export async function markQueueFailed(planId: string, generationId: string): Promise<void> {
  await markGenerationFailed(planId, generationId, QUEUE_FAILED_MESSAGE);
}

export type CancelResult = { generationId: string; orgId: string };

export const NOTHING_TO_CANCEL_MESSAGE = "No generation is running for this plan";

/**
 * Cancels the plan's live run in one statement: the plan goes back to what it
 * was before the run (complete when it has days, which a run only replaces at
 * save, else idle), its progress says "cancelled", and its generation id is
 * cleared, and its drafted days are deleted. Every write of a run names its
 * generation id, so from here on the run writes nothing (no draft either),
 * whether or not the cancel event reaches it. 409 when
 * nothing runs (a cancel that arrives after save changes nothing).
 */
export async function cancelGeneration(caller: Caller, planId: string): Promise<CancelResult> {
  const [[owned]] = await asCaller(caller, (tx) => [
    tx<{ org_id: string }[]>`select org_id from meal_plans where id = ${planId} and org_id = public.caller_org_id()`,
  ]);
  if (!owned) throw notFound();
  const orgId = owned.org_id;
  // As for start, the transition is the server's (coaches have no grant on it).
  const [cancelled] = await db()<{ generation_id: string }[]>`
    with cancelled as (
    update meal_plans p set
      generation_id = null,
      generation_status = case when exists (select 1 from meal_plan_days d where d.plan_id = p.id)
                               then 'complete' else 'idle' end,
      generation_error = null,
      generation_finished_at = now(),
      generation_progress = jsonb_build_object('phase', 'cancelled', 'days_done', 0,
        'days_total', coalesce((p.generation_progress ->> 'days_total')::int, p.plan_length_days))
    from (select id, generation_id from meal_plans where id = ${planId} for update) as run
    where p.id = run.id and p.org_id = ${orgId} and p.generation_status = 'generating'
    returning p.id, run.generation_id),
    -- The server keeps no drafts of a stopped run; the page keeps those it has shown, marked stopped.
    cleared as (delete from meal_plan_drafts where plan_id in (select id from cancelled))
    select generation_id from cancelled`;
  if (!cancelled) throw new ApiError(409, NOTHING_TO_CANCEL_MESSAGE);
  return { generationId: cancelled.generation_id, orgId };
}

export type DayRegenerationStart = { dayGenerationId: string; orgId: string };

/**
 * Starts regenerating one day: a new day-generation id for that day, only
 * when the plan has that day saved, no whole-plan run is live and no other
 * day run is (unless it has been silent for `staleAfterMinutes`). 400 for a
 * day the plan does not have, 409 with the reason when something else holds
 * the plan. The read under RLS answers those before anything is charged;
 * the transition takes the spend limits' tokens in the same statement (as
 * start does: no extra round trip) and happens only if they were taken.
 */
export async function startDayRegeneration(
  caller: Caller,
  planId: string,
  day: number,
  staleAfterMinutes: number,
  estimateTokens: (planDays: number) => number,
  /** One meal of the day (by its name), or the whole day. */
  meal?: string,
): Promise<DayRegenerationStart> {
  const [[plan]] = await asCaller(caller, (tx) => [
    tx<(DayHolder & { plan_length_days: number; org_id: string; has_meal: boolean; meal_all_locked: boolean })[]>`
      select plan_length_days, org_id, ${dayHolderColumns(tx, planId, day, staleAfterMinutes)},
        exists (select 1 from meal_plan_days d join meal_plan_meals m on m.day_id = d.id
                where d.plan_id = ${planId} and d.day_number = ${day} and m.name = ${meal ?? ""}) as has_meal,
        not exists (select 1 from meal_plan_days d join meal_plan_meals m on m.day_id = d.id
                      join meal_plan_items i on i.meal_id = m.id
                    where d.plan_id = ${planId} and d.day_number = ${day} and m.name = ${meal ?? ""}
                      and not i.locked) as meal_all_locked
      from meal_plans where id = ${planId} and org_id = public.caller_org_id()`,
  ]);
  if (!plan) throw notFound();
  const orgId = plan.org_id;
  if (day > plan.plan_length_days) {
    throw badRequest(`day must be between 1 and ${plan.plan_length_days}, the plan's length`, [
      { path: "day", message: `no day ${day}` },
    ]);
  }
  const busy = dayHeldBy(plan, day);
  if (busy) throw busy;
  if (meal !== undefined && !plan.has_meal) {
    throw badRequest(`Day ${day} has no ${meal}`, [{ path: "meal", message: `no ${meal} on day ${day}` }]);
  }
  if (meal !== undefined && plan.meal_all_locked) {
    throw new ApiError(409, `Every food of ${meal} on day ${day} is locked; unlock one to regenerate the meal`);
  }

  // The transition is the server's, as for start (no grant on these columns),
  // in one statement shaped as start's: the row locked while the day may
  // start, the spend check for that row only, the reservation written with
  // the transition.
  const reserve = Math.ceil(estimateTokens(plan.plan_length_days));
  const sql = db();
  const [outcome] = await sql<(SpendCheck & { day_generation_id: string | null })[]>`
    with plan as (
      select id from meal_plans
      where id = ${planId} and org_id = ${orgId} and generation_status <> 'generating'
        and exists (select 1 from meal_plan_days d where d.plan_id = meal_plans.id and d.day_number = ${day})
        and (day_generation_status is distinct from 'generating'
             or day_generation_heartbeat_at < now() - make_interval(mins => ${staleAfterMinutes}::int))
      for update),
    spend as (${spendCheck(sql, "regenerate-day", { userId: caller.userId, orgId }, { gate: sql`exists (select 1 from plan)`, staleAfterMinutes })}),
    started as (
    update meal_plans set
      day_generation_id = gen_random_uuid(),
      day_generation_day = ${day},
      day_generation_meal = ${meal ?? null},
      day_generation_status = 'generating',
      day_generation_phase = 'queued',
      day_generation_error = null,
      day_generation_heartbeat_at = now(),
      day_generation_runner = null,
      day_generation_resumed_at = null,
      day_generation_reserved_tokens = ${reserve}::bigint,
      day_generation_spent_tokens = 0
    where id = (select id from plan) and (select allowed from spend)
    returning day_generation_id)
    select spend.*, (select day_generation_id from started) as day_generation_id from spend`;
  const refused = spendRefusal(outcome, "regenerate-day");
  if (refused) throw refused;
  if (outcome?.day_generation_id) return { dayGenerationId: outcome.day_generation_id, orgId };

  // Another run took the plan between the read and the transition: say which.
  const [held] = await sql<DayHolder[]>`
    select ${dayHolderColumns(sql, planId, day, staleAfterMinutes)} from meal_plans where id = ${planId} and org_id = ${orgId}`;
  if (!held) throw notFound();
  throw dayHeldBy(held, day) ?? new ApiError(409, "The plan changed while the day was being started; try again");
}

/** What may hold a plan against a day's regeneration (the columns of dayHolderColumns). */
type DayHolder = {
  whole_plan_live: boolean;
  has_day: boolean;
  day_live: boolean;
  day_generation_day: number | null;
  day_generation_meal: string | null;
};

function dayHolderColumns(sql: Database, planId: string, day: number, staleAfterMinutes: number) {
  return sql`
    generation_status = 'generating' as whole_plan_live,
    exists (select 1 from meal_plan_days d where d.plan_id = ${planId} and d.day_number = ${day}) as has_day,
    (day_generation_status = 'generating'
     and day_generation_heartbeat_at >= now() - make_interval(mins => ${staleAfterMinutes}::int)) as day_live,
    day_generation_day, day_generation_meal`;
}

/** The 409 for a plan that something else holds, or undefined when the day may be regenerated. */
function dayHeldBy(holder: DayHolder, day: number): ApiError | undefined {
  if (holder.whole_plan_live) {
    return new ApiError(409, "The whole plan is being generated; wait for it to finish (or cancel it) first");
  }
  if (!holder.has_day) return new ApiError(409, `The plan has no day ${day} yet; generate it first`);
  if (holder.day_live) {
    return new ApiError(
      409,
      `${runningDayRun(holder.day_generation_day, holder.day_generation_meal)} is being regenerated; wait for it to finish before regenerating again`,
    );
  }
  return undefined;
}

/** What a live day run regenerates, in a coach's words ("Day 3", "Lunch of day 3"). */
export function runningDayRun(day: number | null, meal: string | null): string {
  return meal ? `${meal} of day ${day}` : `Day ${day}`;
}

/** Where a one-day regeneration is, for the status read (null when no day was ever regenerated). */
export type DayRegenerationStatus = {
  day: number;
  /** The one meal regenerated, or null for the whole day. */
  meal: string | null;
  status: "generating" | "complete" | "error";
  phase: string | null;
  error: string | null;
  /** When a restarted server took up this interrupted day run (ISO time); null if it never had to. */
  resumed_at: string | null;
} | null;

export type GenerationStatus = {
  generation_status: "idle" | "generating" | "complete" | "error";
  generation_error: string | null;
  progress: Partial<GenerationProgress>;
  /** When a restarted server took up this plan's interrupted run; null if it never had to. */
  resumed_at?: string | null;
  /** Always present in the status answer; optional for states the page builds itself. */
  day_regeneration?: DayRegenerationStatus;
  /** Only when the read asked for drafts (`drafts_after`) and the plan is generating: see DraftsSince. */
  drafts?: DraftsSince;
};

/**
 * The current run's drafted days that the reader's cursor lacks, in day
 * order, and the cursor that includes them. `generation_id` names the run:
 * drafts of another run than the reader's replace what it holds.
 */
export type DraftsSince = { generation_id: string; days: DraftDay[]; cursor: string };

export const DAY_STALE_MESSAGE = "Regenerating the day stopped responding and was abandoned; try again";

export const STALE_MESSAGE = "Generation stopped responding and was abandoned; press Generate to try again";

/**
 * One indexed read. A run that has shown no sign of life for the staleness
 * limit (longer than Inngest's own start + finish timeouts) is ended here, so
 * no plan stays generating forever.
 */
export async function readGenerationStatus(
  caller: Caller,
  planId: string,
  staleAfterMinutes: number,
  draftsAfter?: DraftCursor,
): Promise<GenerationStatus> {
  // Drafts the reader has (none for a reader of another run, whatever it names).
  const had = draftsAfter ?? { generationId: null, days: [] };
  const [[row]] = await asCaller(caller, (tx) => [
    tx<
      (Omit<GenerationStatus, "day_regeneration" | "drafts"> & {
        drafts: DraftDay[] | null;
        generation_progress: GenerationStatus["progress"];
        stale: boolean;
        generation_id: string | null;
        generation_resumed_at: Date | null;
        day_generation_id: string | null;
        day_generation_day: number | null;
        day_generation_meal: string | null;
        day_generation_status: "generating" | "complete" | "error" | null;
        day_generation_phase: string | null;
        day_generation_error: string | null;
        day_generation_resumed_at: Date | null;
        day_stale: boolean;
      })[]
    >`
      select generation_status, generation_error, generation_progress, generation_id, generation_resumed_at,
             (generation_status = 'generating'
              and generation_heartbeat_at < now() - make_interval(mins => ${staleAfterMinutes}::int)) as stale,
             day_generation_id, day_generation_day, day_generation_meal, day_generation_status, day_generation_phase,
             day_generation_error,
             day_generation_resumed_at,
             (day_generation_status = 'generating'
              and day_generation_heartbeat_at < now() - make_interval(mins => ${staleAfterMinutes}::int)) as day_stale,
             ${
               draftsAfter
                 ? tx`case when generation_status = 'generating' then (
                     select coalesce(jsonb_agg(d.day order by d.day_number), '[]'::jsonb) from meal_plan_drafts d
                     where d.plan_id = meal_plans.id and d.generation_id = meal_plans.generation_id
                       and not (d.generation_id = ${had.generationId ?? NO_RUN}::uuid and d.day_number = any(${had.days}::int[])))
                   end`
                 : tx`null`
             } as drafts
      from meal_plans where id = ${planId} and org_id = public.caller_org_id()`,
  ]);
  if (!row) throw notFound();
  const resumed_at = row.generation_resumed_at?.toISOString() ?? null;
  let dayRegeneration: DayRegenerationStatus = null;
  if (row.day_generation_status && row.day_generation_day !== null) {
    dayRegeneration = {
      day: row.day_generation_day,
      meal: row.day_generation_meal,
      status: row.day_generation_status,
      phase: row.day_generation_phase,
      error: row.day_generation_error,
      resumed_at: row.day_generation_resumed_at?.toISOString() ?? null,
    };
    if (row.day_stale && row.day_generation_id) {
      await markDayGenerationFailed(planId, row.day_generation_id, DAY_STALE_MESSAGE);
      dayRegeneration = { ...dayRegeneration, status: "error", error: DAY_STALE_MESSAGE };
    }
  }
  if (row.stale && row.generation_id) {
    await markGenerationFailed(planId, row.generation_id, STALE_MESSAGE);
    return {
      generation_status: "error",
      generation_error: STALE_MESSAGE,
      progress: row.generation_progress,
      resumed_at,
      day_regeneration: dayRegeneration,
    };
  }
  return {
    generation_status: row.generation_status,
    generation_error: row.generation_error,
    progress: row.generation_progress,
    resumed_at,
    day_regeneration: dayRegeneration,
    ...(row.drafts && row.generation_id ? { drafts: draftsSince(row.generation_id, had, row.drafts) } : {}),
  };
}

/** A generation id no run has: the drafts filter's stand-in for a reader with none. */
const NO_RUN = "00000000-0000-0000-0000-000000000000";

function draftsSince(generationId: string, had: DraftCursor, days: DraftDay[]): DraftsSince {
  const kept = had.generationId === generationId ? had.days : [];
  const cursor = draftCursor(generationId, [...kept, ...days.map((day) => day.day_number)]);
  return { generation_id: generationId, days, cursor };
}

export type PlanSummary = {
  id: string;
  name: string;
  client_id: string | null;
  client_name: string | null;
  plan_length_days: number;
  generation_status: GenerationStatus["generation_status"];
  created_at: string;
  updated_at: string;
};

/** The org's plans, newest first, and its model tokens today against its daily budget. */
export async function listPlans(
  caller: Caller,
  dailyBudget: number,
): Promise<{ plans: PlanSummary[]; usage: TokenUsage }> {
  const [plans, [usage]] = await asCaller(caller, (tx) => [
    tx<PlanSummary[]>`
      select p.id, p.name, p.client_id, c.full_name as client_name, p.plan_length_days, p.generation_status,
             p.created_at, p.updated_at
      from meal_plans p left join clients c on c.id = p.client_id
      where p.org_id = public.caller_org_id()
      order by p.created_at desc
      limit 200`,
    tx<{ tokens: number }[]>`
      select coalesce((select tokens from org_daily_usage
                       where org_id = public.caller_org_id()
                         and usage_date = (now() at time zone 'utc')::date), 0)::float8 as tokens`,
  ]);
  return { plans, usage: { tokens_today: usage?.tokens ?? 0, daily_budget: dailyBudget } };
}

export async function listClients(caller: Caller): Promise<{ id: string; full_name: string }[]> {
  const [clients] = await asCaller(caller, (tx) => [
    tx<{ id: string; full_name: string }[]>`
      select id, full_name from clients where org_id = public.caller_org_id() order by full_name`,
  ]);
  return clients;
}

/**
 * One statement: the plan is created only if its client (when given) is one
 * of the caller's org's clients. Its author (created_by) is the column's
 * default, the caller (auth.uid()): coaches may not name it.
 */
export async function createPlan(caller: Caller, body: CreatePlanBody): Promise<{ id: string }> {
  await takeSpendToken("create-plan", { userId: caller.userId, orgId: null });
  const clientId = body.client_id ?? null;
  const disliked = body.intake_data?.disliked_foods ?? [];
  const [unknownDisliked, [plan]] = await asCaller(caller, (tx) => [
    unknownFoodIds(tx, disliked),
    tx<{ id: string }[]>`
      insert into meal_plans (org_id, client_id, name, plan_length_days, intake_data, goal, calorie_target,
                              macro_split, dietary_restrictions, start_date, client_title)
      select public.caller_org_id(), ${clientId}::uuid, ${body.name}::text,
             ${body.plan_length_days}::int, ${tx.json((body.intake_data ?? {}) as never)}::jsonb, ${body.goal ?? null}::text,
             ${body.calorie_target ?? null}::int, ${body.macro_split ? tx.json(body.macro_split) : null}::jsonb,
             ${body.dietary_restrictions ?? null}::text, ${body.start_date ?? null}::date,
             ${body.client_title ?? null}::text
      where public.caller_org_id() is not null
        and (${clientId}::uuid is null
             or exists (select 1 from clients where id = ${clientId}::uuid and org_id = public.caller_org_id()))
        and not exists (${unknownFoodIds(tx, disliked)})
      returning id`,
  ]);
  refuseUnknownDislikes(unknownDisliked);
  if (!plan)
    throw badRequest("client_id is not one of your clients", [{ path: "client_id", message: "unknown client" }]);
  return { id: plan.id };
}

export type PlanSettings = { start_date: string | null; client_title: string | null };

/**
 * Sets the plan's start date and client's title (either or both; null clears
 * one) as the coach, under RLS, in one statement; answers both as they now
 * are. 404 for a plan not in the caller's org.
 */
export async function updatePlanSettings(
  caller: Caller,
  planId: string,
  body: PlanSettingsBody,
): Promise<PlanSettings> {
  const [[plan]] = await asCaller(caller, (tx) => [
    tx<PlanSettings[]>`
      update meal_plans set
        start_date = case when ${body.start_date !== undefined} then ${body.start_date ?? null}::date else start_date end,
        client_title = case when ${body.client_title !== undefined} then ${body.client_title ?? null}::text
                            else client_title end
      where id = ${planId} and org_id = public.caller_org_id()
      returning to_char(start_date, 'YYYY-MM-DD') as start_date, client_title`,
  ]);
  if (!plan) throw notFound();
  return plan;
}

/**
 * The ids among `ids` that are not foods of the caller's catalogue (the
 * global foods and the org's own). Runs as the caller, under RLS.
 */
function unknownFoodIds(tx: Transaction, ids: readonly string[]) {
  return tx<{ id: string }[]>`
    select wanted.id from unnest(${ids as string[]}::uuid[]) as wanted (id)
    where not exists (
      select 1 from foods f
      where f.id = wanted.id and (f.org_id is null or f.org_id = public.caller_org_id()))`;
}

/** 400 naming every disliked food id that is not in the caller's catalogue. */
function refuseUnknownDislikes(unknown: readonly { id: string }[]): void {
  if (unknown.length === 0) return;
  const ids = unknown.map((row) => row.id);
  throw badRequest(
    `intake_data.disliked_foods names ${ids.length === 1 ? "a food" : "foods"} not in your catalogue: ${ids.join(", ")}`,
    ids.map((id) => ({ path: "intake_data.disliked_foods", message: `unknown food ${id}` })),
  );
}
