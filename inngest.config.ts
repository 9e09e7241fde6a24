/**
 * The workflow's limits, in one place, with the reasons for each number.
 * Read by the Inngest functions and the inline runner (src/inngest), and by the
 * routes and benchmarks that size or describe them.
 */

import { MAX_PLAN_DAYS } from "./src/generation/intake/intake";

/**
 * The longest plan the intake accepts (plan_length_days 1-28), defined with
 * the intake schemas. It bounds how many day-chunks one wave of a plan can have.
 */
export { MAX_PLAN_DAYS };

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
   * matches (3 parallel steps take 3 slots). Model calls are not among them:
   * they run in plan-days (below), reached with `step.invoke`, and a run
   * waiting on an invocation executes nothing. So this limit holds only the
   * plan functions' own steps (load-context, scale, dedup, balance, save, and
   * the day run's), which a run executes one at a time: it does not decide
   * whether a pass's day-chunks overlap (the model-call limits do), and a
   * limit of 1 does not serialise them (inline-runner-concurrency.test.ts).
   * It is kept at the longest plan's day count, the most steps one plan's
   * runs could have in flight.
   *
   * It does not serialise runs of one plan; that is guaranteed elsewhere:
   * `cancelOn` a newer start or a cancel, save's generation_id check (a
   * superseded run writes nothing), the 409 a day regeneration gets while
   * a whole-plan run is live, and a day run that finds a whole-plan run live
   * when it saves ending in error instead of writing (a start is not refused
   * while a day regenerates). GENERATION_PER_PLAN_CONCURRENCY overrides the
   * limit (an Inngest plan with a lower per-key cap).
   */
  perPlanConcurrency: { scope: "env", key: "event.data.planId", limit: MAX_PLAN_DAYS },

  generateMealPlan: {
    id: "generate-meal-plan",
    /**
     * The most attempts a step may have, less one (so 6 attempts each); the
     * retry schedule below usually ends a repeating failure sooner. With 4
     * attempts, a model failing 30 % of calls fails a chunk 0.3^4 = 0.8 % of
     * the time (`npm run faults` then measured 94 % of plans complete). With
     * 6, 0.07 % per chunk, about 2 % for the longest plan (28 one-day
     * chunks); the full campaign (200 plans of 1-28 days at 30 % faults)
     * measured 200 complete (bench/results/faults-2026-12-03T125520.md).
     */
    retries: 5,
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
     * minutes or finished in 20 is cancelled (and marked failed by
     * `mark-cancelled`). 20 minutes is 2.8 times the worst schedule of one
     * plan, retries included (worstRunSeconds in src/inngest/retry-policy.ts,
     * pinned by a test): a 28-day plan whose model calls each take the whole
     * call timeout, three at a time (the org's share), and whose every pass
     * then meets a failure that repeats until the retry window ends it.
     */
    timeouts: { start: "5m", finish: "20m" },
  },

  /**
   * plan-days: the one function that calls the model. generate-meal-plan and
   * regenerate-plan-day reach it with `step.invoke` for each chunk of days,
   * so only model calls hold the model-call slots below: Inngest counts every
   * executing step of a function against every concurrency limit of that
   * function, but a run waiting on `step.invoke` executes nothing and holds
   * no slot (Inngest docs, "Step concurrency": "When an executing step
   * finishes or a run starts waiting, Inngest can use the free slot"). Before,
   * the account limit sat on the plan functions themselves, and a plan's
   * `load-context` (a few ms of database work) queued behind other plans'
   * model calls. The inline runner emulates the same shape
   * (concurrency-slots.ts): only the model-call steps claim these slots.
   */
  planDays: {
    id: "plan-days",
    /**
     * Each invocation is one chunk's model call and its checks, retried by
     * the retry schedule below. Inngest counts every attempt, a 429's too,
     * against `retries` (at most 20): so plan-days is given the most, and
     * our schedule ends a step after `faultAttempts` attempts that met a
     * fault (429s not counted: the plan's record of its failed attempts says
     * how many were). 429s beyond Inngest's 21 attempts end the step there.
     */
    retries: 20,
    faultAttempts: 6,
    /**
     * Model calls executing at once across the whole account: protects the
     * Anthropic rate limit when many coaches press Generate at once, and
     * Inngest's free plan allows 5 concurrent steps in all.
     * GENERATION_MAX_CONCURRENT_MODEL_CALLS raises it on a paid plan.
     */
    accountModelConcurrency: 5,
    /**
     * The share of those slots one organisation may hold (rounded up: 3 of
     * the 5), so ten plans from one coach leave room for another org's plan
     * to start its first call at once instead of queueing behind them.
     * GENERATION_MAX_CONCURRENT_MODEL_CALLS_PER_ORG sets the number itself
     * (never above the account limit). Like every Inngest concurrency limit
     * it is a queue, not a hard rate guarantee: Inngest was measured
     * admitting 6 steps under a limit of 5 while retries were being scheduled.
     */
    perOrgModelShare: 0.6,
    /**
     * A whole-plan run that ended early cancels its chunks still queued or
     * running, as the inline runner aborts them: one that failed (another
     * chunk gave up: inngest/function.failed) or was cancelled (its timeout,
     * the dashboard: inngest/function.cancelled). Matched on the ended run's
     * event, which carries the generation id the chunk was invoked with. Day
     * runs have one chunk only.
     */
    cancelWhenRunEnded:
      "async.data.function_id == 'meal-plan-generation-generate-meal-plan' && async.data.event.data.generationId == event.data.generationId",
    /**
     * A chunk's calls end within the retry window once it runs; 5 minutes is
     * well past it. No `start` timeout: Inngest counts time queued behind the
     * concurrency limits against it, and one org's burst (ten 14-day plans
     * through its 3 slots) queues late chunks for minutes; the invoking run's
     * own `finish` timeout bounds the wait instead.
     */
    timeouts: { finish: "5m" },
  },

  /**
   * The second line of the spend limits (issue 20; the first is the token
   * bucket the routes answer 429 from): Inngest `throttle`, keyed by org, on
   * the two functions that start model work. Throttle, not rateLimit: a
   * throttled run waits its turn (FIFO), while rateLimit drops the event,
   * which would leave the plan `generating` until it goes stale. A run that
   * waits past the function's `start` timeout (5 m) is cancelled and marked
   * failed. 30 runs a minute per org is far above a coach's pace (a plan takes
   * a minute or more) and caps a script at 30 plans' worth of model calls a
   * minute. The inline runner does not emulate it (one process, local use):
   * there the routes' own limits are the only line.
   */
  orgRunThrottle: { key: "event.data.orgId", limit: 30, period: "1m", burst: 10 },

  /**
   * When a failed attempt is tried again, on both engines (retry-policy.ts).
   * Inngest's own backoff (15 s, 30 s, 1 min, 2 min, 5 min, each plus up to
   * 30 s of jitter) is replaced by a `RetryAfterError` carrying these delays;
   * the inline runner sleeps the same delays.
   *
   *   429 rate limited: the provider's retry-after (rateLimitedMs when it gave none)
   *   529 overloaded, 5xx: overloadedMs doubled each time, capped, plus jitter
   *   timed out, connection failed: quickMs (the attempt already took its time)
   *   answer cut off, malformed, not in the plan shape: quickMs (at once)
   *   anything else (the database, say): otherMs doubled each time, capped
   *
   * Every delay gets up to `jitter` more, so retries of parallel chunks do not
   * arrive together. A failure that repeats (the same fault, attempt after
   * attempt, for one group of days) ends the run within giveUpWithinSeconds
   * of its first occurrence, time queued for a model-call slot before each
   * failure included: an attempt is not made if it could not end (its delay
   * plus the call timeout) by then, less recordSeconds, the time kept for the failure to
   * reach the plan (Inngest schedules onFailure as its own run). Faults that
   * change from one attempt to the next are transient by nature: the 6
   * attempts bound them (a reduced `npm run faults`, 60 plans at 30 %
   * faults: 59 complete under this rule, the one error having met five
   * kinds of fault in 6 attempts; 57 when every fault counted against the
   * window from the group's first failure, whatever it was).
   */
  retrySchedule: {
    giveUpWithinSeconds: 90,
    /**
     * A 429 is the provider's limit, not a fault of the request: it waits its
     * retry-after and spends none of a step's attempts (inline; on Inngest
     * see planDays.retries). A 429 that keeps coming for one group of days
     * ends the run within this longer window of its first occurrence, so a
     * provider limit below our own concurrency slows plans down instead of
     * failing them, while one that never lifts still ends.
     */
    rateLimitedWithinSeconds: 240,
    recordSeconds: 5,
    rateLimitedMs: 5_000,
    overloadedMs: { first: 2_000, most: 8_000 },
    quickMs: 250,
    otherMs: { first: 1_000, most: 8_000 },
    jitter: 0.3,
  },

  regeneratePlanDay: {
    id: "regenerate-plan-day",
    /** As generate-meal-plan's (one chunk's worth of calls, the same faults to outlast). */
    retries: 5,
    /**
     * One model call for one day: a run not started in 5 minutes or finished
     * in 6 is stopped (and marked failed). Its worst schedule is under 3
     * minutes (a first call of 19 s, a failure that repeats for the 90 s
     * window, the other steps): worstRunSeconds, pinned by a test at half this.
     */
    timeouts: { start: "5m", finish: "6m" },
  },

  /**
   * Fitting Netlify's limit. A synchronous function ends at 60 s on current
   * plans (26 s on older sites); we size for the older 26 s so the app runs
   * on either, and a step cannot outlive its invocation. Claude writes
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
    /** Half the published output rates (tokens/s), what a first call is sized at. */
    outputTokensPerSecond: { sonnet: 30, haiku: 50, other: 30 },
    /**
     * What a retry's output budget is sized at (chunk-pass.ts, retryMaxTokens):
     * a little under the published rates (Sonnet ~63, Haiku ~100), so that a
     * retry writing its whole budget at the published speed still ends inside
     * the 19 s call timeout. Sonnet: (20 − 3) × 55 = 935 tokens, so an answer
     * cut off at the first call's 510 gets nearly twice the room.
     */
    retryOutputTokensPerSecond: { sonnet: 55, haiku: 90, other: 55 },
  },

  /**
   * How long a route waits for Inngest to accept an event (start, cancel, a
   * day's regeneration) before it answers 503: sending must not eat the host's
   * request time limit (26 s on older Netlify sites).
   */
  dispatchTimeoutMs: 8_000,

  /**
   * Inngest checkpointing runs consecutive steps in the same HTTP request. It
   * must hand back before the host kills the request while a step may still be
   * starting: host limit (26 s on older Netlify sites, the tighter of the two)
   * − step budget (20 s) − 1 s margin = 5 s.
   */
  checkpointingMaxRuntime: "5s",

  /**
   * Inline runs survive their server (src/inngest/inline-recovery.ts). A run
   * held by a process on this machine that no longer exists is taken up at
   * once by the next start. A holder elsewhere (or a pid reused since) is
   * presumed gone only after a silence longer than any inline step can last:
   * every failed attempt and every planned chunk beats the plan's heartbeat,
   * so the longest silence is one attempt (the 19 s call timeout) and the
   * delay after it (a provider's retry-after, within the 240 s window for
   * 429s); 480 s covers that twice. On SIGTERM,
   * runs get 5 s to reach a step boundary (Docker and systemd wait 10 s
   * before SIGKILL); a run still mid-step is recovered like a crash.
   */
  inlineRecovery: {
    holderSilentLimitSeconds: 480,
    stopGraceMs: 5_000,
    /**
     * A resumed run that ended without recording its outcome (its failure
     * path could not reach the database within outcomeWithinMs) is taken up
     * again in this process after retakeAfterMs, at most `retakes` times,
     * instead of waiting for the next server start.
     */
    outcomeWithinMs: 60_000,
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
