import { inngestConfig } from "@inngest-config";

/**
 * When a failed step attempt is tried again: one decision for both engines.
 * The Inngest bindings turn it into a `RetryAfterError` (or a
 * `NonRetriableError` when it gives up); the inline runner sleeps the same
 * delay. The numbers are inngest.config.ts's `retrySchedule`.
 */

/** What kind of failure an attempt met, as far as waiting goes. */
export type RetryKind = "rate_limited" | "overloaded" | "timeout" | "answer" | "other";

export type FailedAttempt = {
  kind: RetryKind;
  /** How long the provider asked to wait (429 retry-after), when it said. */
  retryAfterMs?: number;
  /** This attempt's number, from 1. */
  attempt: number;
  /** The most attempts the step may have (retries + 1). */
  maxAttempts: number;
  /**
   * How long this group of days has been meeting this same fault, when known:
   * since the first of its latest unbroken run of attempts that failed the
   * same way (0 when this is the first). A failure that changes is not a
   * failure that repeats: mixed transient faults are bounded by the attempts.
   */
  repeatingForMs?: number;
  /** The longest an attempt can take (the model call's timeout), or null when calls have no time limit. */
  worstAttemptMs: number | null;
};

export type RetryDecision = { retryInMs: number } | { giveUp: string };

const schedule = inngestConfig.retrySchedule;

/** The delay before the next attempt, jitter included (`random` in [0, 1)). */
export function retryDelayMs(
  failure: Pick<FailedAttempt, "kind" | "retryAfterMs" | "attempt">,
  random: () => number = Math.random,
): number {
  const doubling = (range: { first: number; most: number }) =>
    Math.min(range.most, range.first * 2 ** (failure.attempt - 1));
  const base = (() => {
    switch (failure.kind) {
      case "rate_limited":
        return failure.retryAfterMs ?? schedule.rateLimitedMs;
      case "overloaded":
        return doubling(schedule.overloadedMs);
      case "timeout":
      case "answer":
        return schedule.quickMs;
      case "other":
        return doubling(schedule.otherMs);
    }
  })();
  // A provider's retry-after is a floor: jitter only ever adds to it.
  return Math.round(base * (1 + schedule.jitter * random()));
}

/**
 * Whether to try again after `retryInMs` (retryDelayMs's choice). Gives up
 * when the attempts run out (a 429 spends none), or when the next attempt
 * could not end (delay plus the call timeout) within the window from the
 * first occurrence of the fault that keeps repeating, less the time kept to
 * record the failure: a failure that repeats ends the run within
 * `giveUpWithinSeconds` of its first occurrence (`rateLimitedWithinSeconds`
 * for a 429).
 */
export function decideRetry(failure: FailedAttempt & { retryInMs: number }): RetryDecision {
  // A 429 spends no attempt (the provider's limit is no fault of the request): only its own, longer window bounds it.
  const rateLimited = failure.kind === "rate_limited";
  if (!rateLimited && failure.attempt >= failure.maxAttempts) {
    return { giveUp: `gave up after ${failure.attempt} attempts` };
  }
  const { retryInMs } = failure;
  const windowSeconds = rateLimited ? schedule.rateLimitedWithinSeconds : schedule.giveUpWithinSeconds;
  const windowMs = (windowSeconds - schedule.recordSeconds) * 1_000;
  const nextEndsBy = (failure.repeatingForMs ?? 0) + retryInMs + (failure.worstAttemptMs ?? 0);
  if (failure.worstAttemptMs !== null && nextEndsBy > windowMs) {
    const asked =
      failure.kind === "rate_limited" && failure.retryAfterMs !== undefined
        ? `; Claude asked to wait ${Math.round(failure.retryAfterMs / 1_000)} s, try again later`
        : "";
    return {
      giveUp: `gave up after ${failure.attempt} ${failure.attempt === 1 ? "attempt" : "attempts"} in ${Math.round((failure.repeatingForMs ?? 0) / 1_000)} s${asked}`,
    };
  }
  return { retryInMs };
}

/**
 * The longest a run can take when nothing else competes for model calls,
 * retries included, in seconds: the fault-free time of its model-call waves
 * (each chunk at the worst attempt time, `concurrentCalls` at once), plus one
 * retry window per wave (a chunk whose failure repeats holds its wave up to
 * the window, while the others' retries overlap it), plus the steps that do
 * not call the model. The `finish` timeouts must stay well above it.
 */
export function worstRunSeconds(input: {
  chunksPerWave: readonly number[];
  concurrentCalls: number;
  worstAttemptSeconds: number;
  otherStepsSeconds: number;
}): number {
  const waves = input.chunksPerWave.map(
    (chunks) => Math.ceil(chunks / input.concurrentCalls) * input.worstAttemptSeconds + schedule.giveUpWithinSeconds,
  );
  return waves.reduce((sum, seconds) => sum + seconds, 0) + input.otherStepsSeconds;
}
