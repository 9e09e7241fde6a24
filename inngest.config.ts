/**
 * The workflow's limits, in one place, with the reasons for each number.
 * Read by the Inngest functions and the inline runner (src/inngest), and by the
 * routes and benchmarks that size or describe them.
 */

/**
 * The longest plan the intake accepts (plan_length_days 1-28); a test keeps
 * the two equal. It bounds how many day-chunks one wave of a plan can have.
 */
export const MAX_PLAN_DAYS = 28;

export const inngestConfig = {
  /** Inngest app id; functions appear in the dashboard as `${appId}-${function id}`. */
  appId: "meal-plan-generation",

  events: {
    /** Sent by /generate/start with event id = generation id, so a repeated send is de-duplicated. */
    generateRequested: "plan/generate.requested",
    /**
     * Sent by /generate/cancel once the plan is already back to its previous
     * state; stops the run (cancelOn) so it spends no more model calls.
     */
    generateCancelled: "plan/generate.cancelled",
    /** Sent by /days/{day}/regenerate with event id = the day-generation id (a repeated send is dropped). */
    dayRegenerateRequested: "plan/day.regenerate.requested",
  },

  /**
   * Steps of one plan that may execute at once, shared by every function that
   * writes a plan's days (generate-meal-plan and regenerate-plan-day): scope
   * "env" makes the same key one limit across functions.
   *
   * Inngest counts every executing step against every concurrency limit it
   * matches (3 parallel steps take 3 slots), so this limit decides whether a
   * pass's day-chunks really overlap: at 1 they ran one after another (a
   * 14-day plan was 8 model calls in a row). A chunk holds at least one day,
   * so the most chunks one wave can have is the longest plan's day count: with
   * this limit every chunk of every pass (or of the one wave) runs at once.
   *
   * It does not serialise runs of one plan; that is guaranteed elsewhere:
   * `cancelOn` a newer start or a cancel, save's generation_id check (a
   * superseded run writes nothing), and the 409 a day regeneration gets while
   * a whole-plan run is live (and the reverse). GENERATION_PER_PLAN_CONCURRENCY
   * overrides the limit (an Inngest plan with a lower per-key cap; the
   * benchmark's "limit 1" row).
   */
  perPlanConcurrency: { scope: "env", key: "event.data.planId", limit: MAX_PLAN_DAYS },

  generateMealPlan: {
    id: "generate-meal-plan",
    /**
     * Retries per step (so 6 attempts each). Claude's 429/529s clear within
     * seconds to a minute; Inngest backs off between attempts (the inline
     * runner waits 1, 2, 4, 8, 16 s). With 4 attempts, a model failing 30 % of
     * calls fails a chunk 0.3^4 = 0.8 % of the time, and a 28-day plan (14
     * chunks) 11 %: `npm run faults` measured 94 % of plans complete. With 6,
     * 0.07 % per chunk, 1 % for the longest plan. More would keep a coach
     * waiting on a plan that is not coming.
     */
    retries: 5,
    /**
     * Steps executing at once across the whole account (every step of this
     * function matches the key, model calls being the ones that last):
     * protects the Anthropic rate limit when many coaches press Generate at
     * once, and Inngest's free plan allows 5 concurrent steps in all.
     * GENERATION_MAX_CONCURRENT_MODEL_CALLS raises it on a paid plan; a
     * 28-day one-wave plan needs 28 to run in one wave.
     */
    accountModelConcurrency: 5,
    /**
     * A restart of a plan (a new plan/generate.requested with a new generation
     * id) cancels the run still going for the old one, instead of letting two
     * runs hold the plan. Matched on the event, not a singleton key, so that
     * replaying an old run from the dashboard never cancels the live one.
     */
    cancelWhenRestarted: "async.data.planId == event.data.planId && async.data.generationId != event.data.generationId",
    /**
     * A coach's Cancel stops exactly the run it names: same plan and same
     * generation id, so a late cancel never stops a newer run of the plan.
     */
    cancelWhenCancelled: "async.data.planId == event.data.planId && async.data.generationId == event.data.generationId",
    /**
     * No run lingers holding the per-plan key: one that has not started in 5
     * minutes or finished in 20 is cancelled (even with its chunks forced one
     * after another, a 28-day plan is 28 calls of < 20 s: under 10 minutes).
     * Cancelled runs are marked failed by `mark-cancelled`.
     */
    timeouts: { start: "5m", finish: "20m" },
  },

  regeneratePlanDay: {
    id: "regenerate-plan-day",
    /** As generate-meal-plan's (one chunk's worth of calls, the same faults to outlast). */
    retries: 5,
    /** One model call for one day: a run not started in 5 minutes or finished in 5 is stopped (and marked failed). */
    timeouts: { start: "5m", finish: "5m" },
  },

  /**
   * Fitting Netlify's limit. One invocation ends at 26 s on this site's plan (60 s
   * on current plans) and a step cannot outlive its invocation. Claude writes
   * roughly 60-65 tokens/s (Sonnet) and 100 tokens/s (Haiku), so the original route's
   * 8,192-token pass takes 80-130 s: it would be killed. So every model call is
   * sized to a step budget, at HALF the published speed so that a slow moment
   * of the API (or a retry after a timeout) still fits instead of timing out
   * again as the identical call:
   *
   *   tokens per call = (budget − overhead) × half the published rate
   *   Sonnet: (20 − 3) × 30 = 510 tokens → 1 day per call
   *   Haiku:  (20 − 3) × 50 = 850 tokens → 1 day per call
   *
   * at ~500 output tokens per planned day (about 14 items, each with a UUID).
   * One-day chunks cost little time because the chunks of a wave run at once
   * (perPlanConcurrency) and the repeated catalogue is read from the prompt
   * cache. With budget 0 (a long-running host) each pass is one call with the
   * original route's max_tokens: exactly the original route's two calls.
   */
  stepBudget: {
    defaultSeconds: 20,
    requestOverheadSeconds: 3,
    outputTokensPerDay: 500,
    /** Half the published output rates (tokens/s): Sonnet ~63, Haiku ~100. */
    outputTokensPerSecond: { sonnet: 30, haiku: 50, other: 30 },
  },

  /**
   * Inngest checkpointing runs consecutive steps in the same HTTP request. It
   * must hand back before the host kills the request while a step may still be
   * starting: host limit (26 s) − step budget (20 s) − 1 s margin = 5 s.
   */
  checkpointingMaxRuntime: "5s",

  /** Inline runner (no Inngest server): same retries, exponential backoff from 1 s. */
  inlineRetryBaseDelayMs: 1_000,

  /**
   * Inline runs survive their server (src/inngest/inline-recovery.ts). A run
   * held by a process on this machine that no longer exists is taken up at
   * once by the next start. A holder elsewhere (or a pid reused since) is
   * presumed gone only after a silence longer than any inline step can last:
   * 6 attempts (retries: 5) × 19 s call timeout + 1 + 2 + 4 + 8 + 16 s of
   * backoff ≈ 145 s, or up to 60 s more when the provider asks to wait; 240 s
   * covers both. On SIGTERM,
   * runs get 5 s to reach a step boundary (Docker and systemd wait 10 s
   * before SIGKILL); a run still mid-step is recovered like a crash.
   */
  inlineRecovery: { holderSilentLimitSeconds: 240, stopGraceMs: 5_000 },
} as const;

/** The conservative output rate for a model name. */
export function outputTokensPerSecondFor(model: string): number {
  const rates = inngestConfig.stepBudget.outputTokensPerSecond;
  if (model.includes("haiku")) return rates.haiku;
  if (model.includes("sonnet")) return rates.sonnet;
  return rates.other;
}
