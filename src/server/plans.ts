import type { CreatePlanBody } from "@/generation/intake/create-plan-body";
import type { PlanSettingsBody } from "@/generation/intake/plan-settings";
import { asCaller } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import type { Transaction } from "@/server/database/index";
import { badRequest, notFound } from "@/server/http/api-error";
import type { GenerationStatus } from "./generation-status";
import { type TokenUsage, takeSpendToken } from "./spend-limits";

/**
 * What the plan routes do, as the signed-in coach under row-level security,
 * each in one transaction sent as one round trip (`asCaller`). Every query
 * also filters by the caller's org (`public.caller_org_id()`); RLS is the
 * second lock.
 */
/**
 * The use cases live one a file: plan-start.ts (start a whole-plan run),
 * plan-cancel.ts, day-regeneration-start.ts (one day or meal), and
 * generation-status.ts (the status read); the two starts share
 * spend-gated-start.ts. Here: list, create, settings, clients, and the
 * disliked-food check creating and starting share.
 */

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
export function unknownFoodIds(tx: Transaction, ids: readonly string[]) {
  return tx<{ id: string }[]>`
    select wanted.id from unnest(${ids as string[]}::uuid[]) as wanted (id)
    where not exists (
      select 1 from foods f
      where f.id = wanted.id and (f.org_id is null or f.org_id = public.caller_org_id()))`;
}

/** 400 naming every disliked food id that is not in the caller's catalogue. */
export function refuseUnknownDislikes(unknown: readonly { id: string }[]): void {
  if (unknown.length === 0) return;
  const ids = unknown.map((row) => row.id);
  throw badRequest(
    `intake_data.disliked_foods names ${ids.length === 1 ? "a food" : "foods"} not in your catalogue: ${ids.join(", ")}`,
    ids.map((id) => ({ path: "intake_data.disliked_foods", message: `unknown food ${id}` })),
  );
}
