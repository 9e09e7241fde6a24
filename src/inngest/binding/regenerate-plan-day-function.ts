import { inngestConfig } from "@inngest-config";
import { markRunFailed } from "@/inngest/attempts/failure-message";
import { planWorkflowConcurrency } from "@/inngest/concurrency-limits";
import { regeneratePlanDay } from "@/inngest/story/regenerate-plan-day";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import { dayGenerationStore } from "@/server/day-generation-store";
import { inngest } from "./client";
import { planDayRegenerateRequested } from "./events";
import { asInngestError } from "./inngest-errors";
import { inngestStepRunner } from "./inngest-step-runner";
import { markCancelledFunction } from "./mark-cancelled-function";
import { planDaysFunction } from "./plan-days-function";

const limits = inngestConfig.regeneratePlanDay;

/**
 * regenerate-plan-day: the durable workflow behind /days/{day}/regenerate.
 * The story is in story/regenerate-plan-day.ts; this binds it to its trigger,
 * the per-plan concurrency queue it shares with generate-meal-plan, and the
 * failure path.
 */
export const regeneratePlanDayFunction = inngest.createFunction(
  {
    id: limits.id,
    name: "Regenerate one day of a meal plan",
    triggers: [planDayRegenerateRequested],
    retries: limits.retries,
    // The per-plan limit is shared with generate-meal-plan (scope env); the model call runs in plan-days.
    concurrency: planWorkflowConcurrency(),
    throttle: inngestConfig.orgRunThrottle,
    timeouts: limits.timeouts,
    onFailure: async ({ event, error, step }) => {
      const { planId, dayGenerationId } = event.data.event.data as { planId: string; dayGenerationId: string };
      await step.run("mark-failed", () =>
        markRunFailed(
          { failedAttempts: dayGenerationStore.failedAttempts, markFailed: dayGenerationStore.markDayGenerationFailed },
          planId,
          dayGenerationId,
          error,
        ),
      );
    },
  },
  async ({ event, step, attempt, logger }) => {
    const { planId, dayGenerationId } = event.data;
    const steps = inngestStepRunner(
      step,
      {
        attempt,
        retries: limits.retries,
        record: (entry) => dayGenerationStore.recordFailedAttempt(planId, dayGenerationId, entry),
      },
      (id, request) => step.invoke(id, { function: planDaysFunction, data: request }) as Promise<never>,
    );
    return regeneratePlanDay(event.data, steps, {
      ...generationDependencies({ logger }),
      store: dayGenerationStore,
    }).catch((error: unknown) => {
      throw asInngestError(error);
    });
  },
);

/** Day runs stopped by their timeouts do not reach onFailure: mark them failed so none stays generating. */
export const markCancelledDayGenerationFunction = markCancelledFunction({
  id: "mark-cancelled-day-generation",
  name: "Mark a cancelled day regeneration as failed",
  watches: limits,
  runIdField: "dayGenerationId",
  markFailed: (planId, dayGenerationId) =>
    dayGenerationStore.markDayGenerationFailed(
      planId,
      dayGenerationId,
      "Regenerating the day took too long and was stopped; try again",
    ),
});
