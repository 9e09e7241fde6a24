import { dayGenerationStore } from "@/server/day-generation-store";
import { inngestConfig } from "../../inngest.config";
import { inngest } from "./client";
import { planWorkflowConcurrency } from "./concurrency-slots";
import { generationDependencies } from "./dependencies";
import { planDayRegenerateRequested } from "./events";
import { failureMessage } from "./failure-message";
import { inngestStepRunner } from "./inngest-steps";
import { planDaysFunction } from "./plan-days-function";
import { regeneratePlanDay } from "./regenerate-plan-day-story";

const limits = inngestConfig.regeneratePlanDay;

/**
 * regenerate-plan-day: the durable workflow behind /days/{day}/regenerate.
 * The story is in regenerate-plan-day-story.ts; this binds it to its trigger,
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
      await step.run("mark-failed", async () => {
        const attempts = await dayGenerationStore.failedAttempts(planId, dayGenerationId);
        return dayGenerationStore.markDayGenerationFailed(planId, dayGenerationId, failureMessage(error, attempts));
      });
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
    return regeneratePlanDay(event.data, steps, { ...generationDependencies({ logger }), store: dayGenerationStore });
  },
);

/** Day runs stopped by their timeouts do not reach onFailure: mark them failed so none stays generating. */
export const markCancelledDayGenerationFunction = inngest.createFunction(
  {
    id: "mark-cancelled-day-generation",
    name: "Mark a cancelled day regeneration as failed",
    triggers: [
      {
        event: "inngest/function.cancelled",
        if: `event.data.function_id == '${inngestConfig.appId}-${limits.id}'`,
      },
    ],
    retries: limits.retries,
  },
  async ({ event, step }) => {
    const original = (event.data as { event?: { data?: { planId?: string; dayGenerationId?: string } } }).event?.data;
    if (!original?.planId || !original.dayGenerationId) return { marked: false };
    const { planId, dayGenerationId } = original;
    const marked = await step.run("mark-cancelled", () =>
      dayGenerationStore.markDayGenerationFailed(
        planId,
        dayGenerationId,
        "Regenerating the day took too long and was stopped; try again",
      ),
    );
    return { marked };
  },
);
