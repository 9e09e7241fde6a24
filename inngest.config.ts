/**
 * The workflow's limits, in one place, each with its reason in a line.
 * Read by the Inngest functions and the inline runner (src/inngest), and by the
 * routes and benchmarks that size or describe them. Why each number is what it
 * is, with the figures measured: docs/decisions/ (the record named beside it).
 */

import { MAX_PLAN_DAYS } from "./src/generation/intake/intake";

/** The longest plan the intake accepts (1-28 days); it bounds how many chunks one wave can have. */
export { MAX_PLAN_DAYS };

export const inngestConfig = {
  /** Inngest app id; functions appear in the dashboard as `${appId}-${function id}`. */
  appId: "meal-plan-generation",

  events: {
    /** Sent by /generate/start with event id = generation id, so a repeated send is de-duplicated. */
    generateRequested: "plan/generate.requested",
    /** Sent by /generate/cancel once the plan is back to its previous state; stops the run (cancelOn). */
    generateCancelled: "plan/generate.cancelled",
    /** Sent by /days/{day}/regenerate with event id = the day-generation id (a repeated send is dropped). */
    dayRegenerateRequested: "plan/day.regenerate.requested",
  },

  /**
   * A plan's own steps executing at once, one key across both plan functions
   * (scope "env"); model calls are not counted (they run in plan-days). The
   * longest plan's day count: the most steps its runs could have in flight.
   * GENERATION_PER_PLAN_CONCURRENCY overrides it. Decision 009.
   */
  perPlanConcurrency: { scope: "env", key: "event.data.planId", limit: MAX_PLAN_DAYS },

  generateMealPlan: {
    id: "generate-meal-plan",
    /** 6 attempts per step: at 30 % model faults a 28-day plan then fails about 2 % of the time. Decision 003. */
    retries: 5,
    /** A newer start of the plan cancels the run still going (matched on the event, not a singleton). Decision 010. */
    cancelWhenRestarted: "async.data.planId == event.data.planId && async.data.generationId != event.data.generationId",
    /** A coach's Cancel stops exactly the run it names, never a newer one. */
    cancelWhenCancelled: "async.data.planId == event.data.planId && async.data.generationId == event.data.generationId",
    /** No run lingers on the plan: finish is 2.8x the worst schedule (worstRunSeconds, pinned by a test). Decision 010. */
    timeouts: { start: "5m", finish: "20m" },
  },

  /** plan-days: the one function that calls the model, reached with `step.invoke` per chunk. Decision 004. */
  planDays: {
    id: "plan-days",
    /** Inngest counts a 429's attempts too; 20 is its most, and `faultAttempts` ends a step that meets faults. */
    retries: 20,
    faultAttempts: 6,
    /** Model calls at once across the account: the provider's rate limit; Inngest's free plan allows 5 steps. */
    accountModelConcurrency: 5,
    /** One org's share of those slots (rounded up: 3 of 5), so another org's first call starts at once. */
    perOrgModelShare: 0.6,
    /** A whole-plan run that failed or was cancelled cancels its chunks still queued or running. */
    cancelWhenRunEnded:
      "async.data.function_id == 'meal-plan-generation-generate-meal-plan' && async.data.event.data.generationId == event.data.generationId",
    /** Well past the retry window; no start timeout, since Inngest counts time queued for a slot against it. */
    timeouts: { finish: "5m" },
  },

  /** Second line of the spend limits: 30 runs a minute per org, queued (throttle), never dropped. Decision 011. */
  orgRunThrottle: { key: "event.data.orgId", limit: 30, period: "1m", burst: 10 },

  /** When a failed attempt is tried again, on both engines (src/inngest/attempts/retry-policy.ts). Decision 003. */
  retrySchedule: {
    /** A failure that repeats for one group of days ends the run within this of its first occurrence. */
    giveUpWithinSeconds: 90,
    /** A 429 spends no attempt; one that keeps coming ends the run within this longer window. */
    rateLimitedWithinSeconds: 240,
    /** Kept from the window for the failure to reach the plan (Inngest runs onFailure as its own run). */
    recordSeconds: 5,
    /** A 429 without retry-after waits this. */
    rateLimitedMs: 5_000,
    /** 529 overloaded and 5xx: doubled each time, capped. */
    overloadedMs: { first: 2_000, most: 8_000 },
    /** Timed out, connection failed, cut off, malformed, wrong shape: at once (the attempt took its time). */
    quickMs: 250,
    /** Anything else (the database, say): doubled each time, capped. */
    otherMs: { first: 1_000, most: 8_000 },
    /** Up to 30 % more on every delay, so retries of parallel chunks do not arrive together. */
    jitter: 0.3,
  },

  regeneratePlanDay: {
    id: "regenerate-plan-day",
    /** As generate-meal-plan's: one chunk's worth of calls, the same faults to outlast. */
    retries: 5,
    /** One day's worst schedule is under 3 minutes (worstRunSeconds, pinned by a test at half of 6). */
    timeouts: { start: "5m", finish: "6m" },
  },

  /** Model calls sized to one step's time at half the published speed, never below one day. Decisions 001 and 008. */
  stepBudget: {
    /** Fits Netlify's 26 s (older sites) and 60 s (current) function limits with room to spare. */
    defaultSeconds: 20,
    /** Time to first token and the round trip, taken off the budget. */
    requestOverheadSeconds: 3,
    /** A day of three meals: about 14 items, each with a UUID; a day of more meals takes proportionally more. */
    outputTokensPerDay: 500,
    /** Half the published output rates (tokens/s), what a first call is sized at. */
    outputTokensPerSecond: { sonnet: 30, haiku: 50, other: 30 },
    /** A little under the published rates: a retry writing its whole budget still ends within the call timeout. */
    retryOutputTokensPerSecond: { sonnet: 55, haiku: 90, other: 55 },
  },

  /** A route waits this long for Inngest to accept an event, then answers 503 (well inside the host's limit). */
  dispatchTimeoutMs: 8_000,

  /** Inngest checkpointing hands back by then: 26 s host limit − 20 s step budget − 1 s margin. Decision 008. */
  checkpointingMaxRuntime: "5s",

  /** Inline runs survive their server (src/inngest/inline/inline-recovery.ts). Decision 006. */
  inlineRecovery: {
    /** A holder elsewhere is presumed gone after twice the longest silence (a 429 wait and the 19 s call, within the 240 s window). */
    holderSilentLimitSeconds: 480,
    /** On SIGTERM, runs get this to reach a step boundary (Docker and systemd wait 10 s before SIGKILL). */
    stopGraceMs: 5_000,
    /** A resumed run whose failure path could not record its outcome within this... */
    outcomeWithinMs: 60_000,
    /** ...is taken up again in this process after this, at most `retakes` times. */
    retakeAfterMs: 5_000,
    retakes: 2,
  },
} as const;

/** The conservative output rate for a model name (or the one a retry is sized at). */
export function outputTokensPerSecondFor(model: string, call: "first" | "retry" = "first"): number {
  const { outputTokensPerSecond, retryOutputTokensPerSecond } = inngestConfig.stepBudget;
  const rates = call === "retry" ? retryOutputTokensPerSecond : outputTokensPerSecond;
  if (model.includes("haiku")) return rates.haiku;
  if (model.includes("sonnet")) return rates.sonnet;
  return rates.other;
}
