import { NonRetriableError, RetryAfterError } from "inngest";
import type { AttemptOutcome } from "@/inngest/attempts/failed-attempt";
import { FinalError } from "@/inngest/attempts/final-error";

/**
 * The engine-neutral final error as Inngest knows it: a NonRetriableError
 * with the same message, which ends the step (or the run) without Inngest's
 * own retries. Any other error passes as it is.
 */
export function asInngestError(error: unknown): unknown {
  return error instanceof FinalError ? new NonRetriableError(error.message) : error;
}

/**
 * The error an Inngest step throws for an outcome: a RetryAfterError at the
 * exact time (a Date, so Inngest is not left to round a whole-second delay),
 * or the final error, which ends the step without Inngest's own backoff.
 */
export function inngestError(outcome: AttemptOutcome, now = Date.now()): unknown {
  if ("final" in outcome) return asInngestError(outcome.final);
  return new RetryAfterError(outcome.error.message, new Date(now + outcome.retryInMs), { cause: outcome.error });
}
