import { redactSecrets } from "@/server/redact";
import type { FailedAttemptEntry } from "@/server/run-store";
import { FinalError, isFinal } from "./final-error";
import { decideRetry, retryDelayMs } from "./retry-policy";
import { stepFaultOf } from "./step-faults";

/**
 * What happens when a step attempt fails, the same on both engines: the
 * attempt is recorded on the plan (from inside the step, as it happens), one
 * line is logged, and retry-policy.ts decides whether and when to try again.
 * The Inngest binding turns the outcome into the error Inngest acts on
 * (binding/inngest-errors.ts); the inline runner sleeps the delay or gives up.
 */

export type AttemptContext = {
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  /** The longest one attempt can take (the model call's timeout), or null when calls have no limit. */
  worstAttemptMs: number | null;
  /** Appends the failed attempt to the run's list; answers how long its days have met this same fault. */
  record: (entry: FailedAttemptEntry) => Promise<{ repeatingForMs: number } | null>;
  /**
   * The step's own memory of its previous failure, if it keeps one (the
   * inline runner): used when the record cannot answer (the database away).
   */
  previous?: { fault: string; repeatingSince: number };
};

/** Try again after `retryInMs` (`repeating`: the fault and since when it repeats, for the step's memory), or stop. */
export type AttemptOutcome =
  | { retryInMs: number; error: Error; repeating?: { fault: string; repeatingSince: number } }
  | { final: Error };

export async function afterFailedAttempt(thrown: unknown, context: AttemptContext): Promise<AttemptOutcome> {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const fault = stepFaultOf(error);
  const what = fault ? `${fault.days}: ${fault.fault}` : redactSecrets(`${error.name}: ${error.message}`);
  const attemptText = `attempt ${context.attempt} of ${context.maxAttempts}`;
  if (isFinal(error)) {
    if (fault) await recordQuietly(context, fault, false);
    console.warn(`[generation] ${what} (${attemptText}, not worth retrying)`);
    return { final: error };
  }
  const kind = fault?.kind ?? "other";
  const retryAfterMs = fault?.retryAfterMs;
  const retryInMs = retryDelayMs({
    kind,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    attempt: context.attempt,
  });
  // Recorded before the decision, which needs the record's answer: a retry is
  // shown unless this was the last attempt. A give-up for how long its days
  // have been failing is known only after the record, so that retry stays
  // shown until the run, failing with this step, ends in error.
  const retryFollows = kind === "rate_limited" || context.attempt < context.maxAttempts;
  const recorded = fault ? await recordQuietly(context, fault, retryFollows) : undefined;
  const now = Date.now();
  const repeatingSince =
    context.previous && context.previous.fault === fault?.fault ? context.previous.repeatingSince : now;
  const repeatingForMs = recorded ?? now - repeatingSince;
  const decision = decideRetry({
    kind,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    attempt: context.attempt,
    maxAttempts: context.maxAttempts,
    repeatingForMs,
    retryInMs,
    // Steps that do not call the model are short: only the attempt count bounds them.
    worstAttemptMs: fault ? context.worstAttemptMs : null,
  });
  if ("giveUp" in decision) {
    console.warn(`[generation] ${what} (${attemptText}); ${decision.giveUp}`);
    return { final: new FinalError(`${error.message} (${decision.giveUp})`) };
  }
  console.warn(`[generation] ${what} (${attemptText}); retrying in ${(retryInMs / 1_000).toFixed(1)} s`);
  return {
    retryInMs,
    error,
    ...(fault ? { repeating: { fault: fault.fault, repeatingSince: now - repeatingForMs } } : {}),
  };
}

/** The database may be what failed: a step decides without the record rather than failing twice. */
async function recordQuietly(
  context: AttemptContext,
  fault: { days: string; fault: string },
  retryFollows: boolean,
): Promise<number | undefined> {
  try {
    const recorded = await context.record({
      days: fault.days,
      fault: fault.fault,
      attempt: context.attempt,
      maxAttempts: context.maxAttempts,
      retryFollows,
    });
    return recorded?.repeatingForMs;
  } catch {
    return undefined;
  }
}
