import { asCaller } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import { db } from "@/server/database/index";
import { ApiError, notFound } from "@/server/http/api-error";

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
