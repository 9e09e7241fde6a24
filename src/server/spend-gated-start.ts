import type { PendingQuery, Row } from "postgres";
import { db } from "@/server/database/index";
import { type SpendAction, type SpendCheck, spendCheck, spendRefusal } from "./spend-limits";

type Fragment = PendingQuery<Row[]>;

/**
 * The state change both starts make (a whole-plan run, a one-day run), in
 * one statement: `plan` locks the row only while the run may start, so
 * starts racing on one plan take turns and every one after the winner finds
 * it held and is charged nothing; the spend check runs only for the row it
 * locked, takes the limits' tokens and checks the daily budget with the
 * reservations of the org's live runs; the transition (`started`) is made
 * only if they were taken. Throws the spend limits' refusal; answers the new
 * run's id, or null when the row was not the caller's to start (a race lost).
 * The transition is the server's to make (coaches have no grant on these
 * columns): the caller's read under RLS proved the org owns the plan first.
 */
export async function spendGatedStart(start: {
  action: Extract<SpendAction, "start" | "regenerate-day">;
  /** The plan, the org the caller's read proved owns it, and the caller. */
  plan: { planId: string; orgId: string; userId: string };
  staleAfterMinutes: number;
  /** When the run may start (a condition on the plan row): only then is the row locked and the spend taken. */
  startsWhen: (sql: ReturnType<typeof db>) => Fragment;
  /** `update meal_plans set …`: the transition, made for the locked row when the spend was taken. */
  transition: (sql: ReturnType<typeof db>) => Fragment;
  /** The column the transition writes the new run's id to. */
  runIdColumn: "generation_id" | "day_generation_id";
  /** More of the statement after `started` (e.g. `cleared as (delete …)`), or none. */
  alsoDo?: (sql: ReturnType<typeof db>) => Fragment;
}): Promise<string | null> {
  const sql = db();
  const { action, plan, staleAfterMinutes } = start;
  const who = { userId: plan.userId, orgId: plan.orgId };
  const [outcome] = await sql<(SpendCheck & { run_id: string | null })[]>`
    with plan as (
      select id from meal_plans
      where id = ${plan.planId} and org_id = ${plan.orgId} and (${start.startsWhen(sql)})
      for update),
    spend as (${spendCheck(sql, action, who, { gate: sql`exists (select 1 from plan)`, staleAfterMinutes })}),
    started as (
    ${start.transition(sql)}
    where id = (select id from plan) and (select allowed from spend)
    returning id, ${sql(start.runIdColumn)})
    ${start.alsoDo ? sql`, ${start.alsoDo(sql)}` : sql``}
    select spend.*, (select ${sql(start.runIdColumn)} from started) as run_id from spend`;
  const refused = spendRefusal(outcome, action);
  if (refused) throw refused;
  return outcome?.run_id ?? null;
}
