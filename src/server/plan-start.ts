import type { GenerateBody } from "@/generation/intake/intake";
import { PlanInputError } from "@/generation/intake/plan-input-error";
import {
  resolvePlanSpec,
  STORED_PLAN_INPUT_COLUMNS,
  type StoredPlanInputs,
} from "@/generation/intake/resolve-plan-spec";
import { asCaller } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import { db } from "@/server/database/index";
import { ApiError, badRequest, notFound } from "@/server/http/api-error";
import { markGenerationFailed } from "./generation-store";
import { refuseUnknownDislikes, unknownFoodIds } from "./plans";
import { spendGatedStart } from "./spend-gated-start";

/** Starting a whole-plan run, as the signed-in coach (see plans.ts for how every plan use case reads). */

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

  const generationId = await spendGatedStart({
    action: "start",
    plan: { planId, orgId, userId: caller.userId },
    staleAfterMinutes,
    startsWhen: (sql) => sql`
      generation_status <> 'generating'
      or generation_heartbeat_at < now() - make_interval(mins => ${staleAfterMinutes}::int)`,
    transition: (sql) => sql`
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
        generation_progress = jsonb_build_object('phase', 'queued', 'days_done', 0, 'days_total', ${days}::int)`,
    runIdColumn: "generation_id",
    // A new run supersedes the drafts of any run before it.
    alsoDo: (sql) => sql`cleared as (delete from meal_plan_drafts where plan_id in (select id from started))`,
  });
  if (generationId) return { generationId, orgId, started: true, redispatch: false };

  // A concurrent start won the row between the read and the update: answer with its run.
  const [live] = await db()<{ generation_id: string | null; lost: boolean }[]>`
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
