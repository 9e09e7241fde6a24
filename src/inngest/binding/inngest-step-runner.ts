import { afterFailedAttempt } from "@/inngest/attempts/failed-attempt";
import { isRunNotCurrent, stepFaultOf } from "@/inngest/attempts/step-faults";
import type { ModelStepRequest, PassResult } from "@/inngest/story/model-step-request";
import { modelCallTimeoutMs } from "@/inngest/story/run-dependencies";
import type { StepRunner } from "@/inngest/story/story-steps";
import type { FailedAttemptEntry } from "@/server/run-store";
import { asInngestError, inngestError } from "./inngest-errors";

/** The part of Inngest's handler context a step binding needs. */
type InngestStepTools = { run: (id: string, work: () => Promise<unknown>) => Promise<unknown> };

export type InngestAttempt = {
  /** Inngest's zero-based attempt number of the step this request executes (the handler's `attempt`). */
  attempt: number;
  retries: number;
  /** Appends a failed attempt to the run's list on the plan. */
  record: (entry: FailedAttemptEntry) => Promise<{ repeatingForMs: number } | null>;
  /**
   * When Inngest's `retries` allow more attempts than faults may take
   * (plan-days): the attempts that met a fault, and how many 429s these days
   * met before this attempt (they spend none of them).
   */
  faults?: { maxAttempts: number; rateLimitedBefore: (days: string) => Promise<number> };
};

/**
 * Wraps a step's work so that a failure goes through the shared schedule
 * (failed-attempt.ts): recorded on the plan from inside the step, then thrown
 * as a RetryAfterError with our delay, or a NonRetriableError when it gives up.
 */
export function attemptedOnInngest<T>(work: () => Promise<T>, context: InngestAttempt): () => Promise<T> {
  return async () => {
    try {
      return await work();
    } catch (error) {
      // No model call was made (the run no longer holds the plan): final as it is, no failed attempt to record.
      if (isRunNotCurrent(error)) throw asInngestError(error);
      const days = stepFaultOf(error)?.days;
      // Unknown (the database away): every earlier attempt counts, as before.
      const rateLimited = context.faults && days ? await context.faults.rateLimitedBefore(days).catch(() => 0) : 0;
      const outcome = await afterFailedAttempt(error, {
        attempt: context.attempt + 1 - rateLimited,
        maxAttempts: context.faults?.maxAttempts ?? context.retries + 1,
        worstAttemptMs: modelCallTimeoutMs(),
        record: context.record,
      });
      throw inngestError(outcome);
    }
  };
}

/** The story's step runner on Inngest; model calls go through `invokeModel` (step.invoke of plan-days). */
export function inngestStepRunner(
  step: InngestStepTools,
  context: InngestAttempt,
  invokeModel: (id: string, request: ModelStepRequest) => Promise<PassResult>,
): StepRunner {
  return {
    // Step results are JSON, and everything the story returns from a step is
    // plain JSON already, so Inngest's Jsonify<T> is T here.
    run: (id, work) => step.run(id, attemptedOnInngest(work, context)) as Promise<never>,
    callModel: invokeModel,
  };
}
