import { redactSecrets } from "@/server/redact";
import { summariseStepFaults } from "./step-faults";

/**
 * The coach-facing generation_error for a run that gave up: the step's own
 * message (it names what failed and for which days, and, when retries ran
 * out, after how many attempts: failed-attempt.ts adds that), then what
 * every failed attempt of every group of days met ("days 3-4: 529 overloaded
 * ×2, timed out ×2"), from the list each attempt appended to the plan as it
 * failed: the same on Inngest (whose onFailure sees only the last error) as
 * inline. Secrets redacted, length capped.
 */
export function failureMessage(
  error: { message?: string } | undefined,
  attempts: readonly { days: string; fault: string }[] = [],
): string {
  const base = (error?.message ?? "").trim() || "Generation failed for an unknown reason";
  const summary = summariseStepFaults(attempts);
  return redactSecrets(summary ? `${base}. Attempts: ${summary}` : base).slice(0, 500);
}

/** What markRunFailed needs of a store: a run's recorded attempts, and how it ends the run in error. */
export type RunFailureStore = {
  failedAttempts: (planId: string, runId: string) => Promise<readonly { days: string; fault: string }[]>;
  markFailed: (planId: string, runId: string, message: string) => Promise<boolean>;
};

/**
 * The one failure path of both engines (Inngest's onFailure and the inline
 * runner): ends the run in error with failureMessage, from every attempt the
 * run recorded. False when a newer run owns the plan.
 */
export async function markRunFailed(
  store: RunFailureStore,
  planId: string,
  runId: string,
  error: { message?: string } | undefined,
): Promise<boolean> {
  const attempts = await store.failedAttempts(planId, runId);
  return store.markFailed(planId, runId, failureMessage(error, attempts));
}
