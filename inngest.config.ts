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
  },

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
     * One plan, one step at a time: two runs of the same plan cannot interleave
     * their writes (save still checks generation_id, because a concurrency limit
     * bounds steps, not runs). It also means a pass's chunks, though started as
     * parallel steps, run one after another for a single plan on Inngest.
     */
    perPlanConcurrency: 1,
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
     * No run lingers holding the per-plan key: one that has not started in 5
     * minutes or finished in 20 is cancelled (a 28-day plan is ~14 calls of
     * < 20 s each). Cancelled runs are marked failed by `mark-cancelled`.
     */
    timeouts: { start: "5m", finish: "20m" },
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

  /**
   * Inline runs survive their server (src/inngest/inline-recovery.ts). A run
   * held by a process on this machine that no longer exists is taken up at
   * once by the next start. A holder elsewhere (or a pid reused since) is
   * presumed gone only after a silence longer than any inline step can last:
   * 4 attempts × 19 s call timeout + 1 + 2 + 4 s of backoff ≈ 83 s, or up to
   * 60 s more when the provider asks to wait; 180 s covers both. On SIGTERM,
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
