import { inngestConfig } from "@inngest-config";
import { type Env, env } from "@/server/env";

/**
 * The plan workflow's concurrency limits, as Inngest receives them. The
 * Inngest functions and the inline runner's emulation (concurrency-slots.ts)
 * both take their limits from here, so local timings predict production's.
 */

/** One concurrency limit, in the shape Inngest's createFunction takes. */
export type ConcurrencyLimit = { key: string; limit: number; scope?: "fn" | "env" | "account" };

/**
 * The limit of every function that works on a plan (generate-meal-plan and
 * regenerate-plan-day): steps per plan, shared across both functions. Their
 * model calls are not counted here: they run in plan-days (below).
 */
export function planWorkflowConcurrency(configuration: Env = env()): [ConcurrencyLimit] {
  const perPlan = inngestConfig.perPlanConcurrency;
  return [{ ...perPlan, limit: configuration.GENERATION_PER_PLAN_CONCURRENCY ?? perPlan.limit }];
}

/**
 * The limits of plan-days, the function that calls the model (so only model
 * calls hold them): calls across the account, and calls per organisation
 * (by default 60 % of the account's, rounded up: 3 of 5; never more than the
 * account's). Inngest allows two limits.
 */
export function modelCallConcurrency(configuration: Env = env()): [ConcurrencyLimit, ConcurrencyLimit] {
  const limits = inngestConfig.planDays;
  const account = configuration.GENERATION_MAX_CONCURRENT_MODEL_CALLS ?? limits.accountModelConcurrency;
  const perOrg =
    configuration.GENERATION_MAX_CONCURRENT_MODEL_CALLS_PER_ORG ?? Math.ceil(account * limits.perOrgModelShare);
  return [
    { scope: "account", key: '"anthropic-messages"', limit: account },
    { scope: "fn", key: "event.data.orgId", limit: Math.min(perOrg, account) },
  ];
}
