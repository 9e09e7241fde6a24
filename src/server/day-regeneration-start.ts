import { asCaller } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import { type Database, db } from "@/server/database/index";
import { ApiError, badRequest, notFound } from "@/server/http/api-error";
import { spendGatedStart } from "./spend-gated-start";

/** Starting a one-day (or one-meal) run, as the signed-in coach. */

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

  const reserve = Math.ceil(estimateTokens(plan.plan_length_days));
  const dayGenerationId = await spendGatedStart({
    action: "regenerate-day",
    plan: { planId, orgId, userId: caller.userId },
    staleAfterMinutes,
    startsWhen: (sql) => sql`
      generation_status <> 'generating'
      and exists (select 1 from meal_plan_days d where d.plan_id = meal_plans.id and d.day_number = ${day})
      and (day_generation_status is distinct from 'generating'
           or day_generation_heartbeat_at < now() - make_interval(mins => ${staleAfterMinutes}::int))`,
    transition: (sql) => sql`
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
        day_generation_spent_tokens = 0`,
    runIdColumn: "day_generation_id",
  });
  if (dayGenerationId) return { dayGenerationId, orgId };

  // Another run took the plan between the read and the transition: say which.
  const sql = db();
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
