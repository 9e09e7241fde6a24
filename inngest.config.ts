/**
 * The workflow's limits, in one place, with the reasons for each number.
 * Read by src/inngest (the Inngest function and the inline runner).
 */

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
   * The per-plan concurrency limit, shared by every function that writes a
   * plan's days (generate-meal-plan and regenerate-plan-day): scope "env"
   * makes the same key one queue across functions, so a day regeneration
   * never runs a step beside a whole-plan run of the same plan. Inngest counts
   * every executing step against it: one plan, one step at a time.
   */
  perPlanConcurrency: { scope: "env", key: "event.data.planId", limit: 1 },

  generateMealPlan: {
    id: "generate-meal-plan",
    /**
     * Retries per step (so 4 attempts each). Claude's 429/529s clear within
     * seconds to a minute; Inngest backs off between attempts. More would keep a
     * coach waiting on a plan that is not coming.
     */
    retries: 3,
    /**
     * One plan, one step at a time (perPlanConcurrency above): two runs of the
     * same plan cannot interleave their writes (save still checks
     * generation_id, because a concurrency limit bounds steps, not runs). It
     * also means a pass's chunks, though started as parallel steps, run one
     * after another for a single plan on Inngest.
     */
    /**
     * Model calls in flight across the whole account: protects the Anthropic
     * rate limit when many coaches press Generate at once.
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
     * minutes or finished in 20 is cancelled (a 28-day plan is ~14 calls of
     * < 20 s each). Cancelled runs are marked failed by `mark-cancelled`.
     */
    timeouts: { start: "5m", finish: "20m" },
  },

  regeneratePlanDay: {
    id: "regenerate-plan-day",
    /** The same reasoning as generate-meal-plan: Claude's 429/529s clear within a minute. */
    retries: 3,
    /** One model call for one day: a run not started in 5 minutes or finished in 5 is stopped (and marked failed). */
    timeouts: { start: "5m", finish: "5m" },
  },

  /**
   * Fitting Netlify's limit. One invocation ends at 26 s on this site's plan (60 s
   * on current plans) and a step cannot outlive its invocation. Claude writes
   * roughly 60-65 tokens/s (Sonnet) and 100 tokens/s (Haiku), so the seed's
   * 8,192-token pass takes 80-130 s: it would be killed. So every model call is
   * sized to a step budget:
   *
   *   tokens per call = (budget − overhead) × conservative rate
   *   Sonnet: (20 − 3) × 40 = 680 tokens  → 1 day per call
   *   Haiku:  (20 − 3) × 70 = 1,190 tokens → 2 days per call
   *
   * at ~500 output tokens per planned day (about 14 items, each with a UUID).
   * With budget 0 (a long-running host) each pass is one call with the seed's
   * max_tokens: exactly the seed's two calls.
   */
  stepBudget: {
    defaultSeconds: 20,
    requestOverheadSeconds: 3,
    outputTokensPerDay: 500,
    /** Conservative output rates (tokens/s), well under the published ones. */
    outputTokensPerSecond: { sonnet: 40, haiku: 70, other: 40 },
  },

  /**
   * Inngest checkpointing runs consecutive steps in the same HTTP request. It
   * must hand back before the host kills the request while a step may still be
   * starting: host limit (26 s) − step budget (20 s) − 1 s margin = 5 s.
   */
  checkpointingMaxRuntime: "5s",

  /** Inline runner (no Inngest server): same retries, exponential backoff from 1 s. */
  inlineRetryBaseDelayMs: 1_000,
} as const;

/** The conservative output rate for a model name. */
export function outputTokensPerSecondFor(model: string): number {
  const rates = inngestConfig.stepBudget.outputTokensPerSecond;
  if (model.includes("haiku")) return rates.haiku;
  if (model.includes("sonnet")) return rates.sonnet;
  return rates.other;
}
