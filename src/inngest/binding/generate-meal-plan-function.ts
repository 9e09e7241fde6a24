import { inngestConfig } from "@inngest-config";
import { markRunFailed } from "@/inngest/attempts/failure-message";
import { planWorkflowConcurrency } from "@/inngest/concurrency-limits";
import { generateMealPlan } from "@/inngest/story/generate-meal-plan";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import { generationStore } from "@/server/generation-store";
import { inngest } from "./client";
import { planGenerateCancelled, planGenerateRequested } from "./events";
import { asInngestError } from "./inngest-errors";
import { inngestStepRunner } from "./inngest-step-runner";
import { markCancelledFunction } from "./mark-cancelled-function";
import { planDaysFunction } from "./plan-days-function";

const limits = inngestConfig.generateMealPlan;

/**
 * generate-meal-plan: the durable workflow behind /generate/start. The story
 * itself is in story/generate-meal-plan.ts; this file binds it to Inngest's
 * trigger, limits and failure path. Its model calls run in plan-days, reached
 * with step.invoke under the same step ids as before (`pass-one-days-3-4`).
 */
export const generateMealPlanFunction = inngest.createFunction(
  {
    id: limits.id,
    name: "Generate meal plan",
    triggers: [planGenerateRequested],
    retries: limits.retries,
    // The same limit the inline runner emulates (concurrency-slots.ts, from concurrency-limits.ts).
    concurrency: planWorkflowConcurrency(),
    throttle: inngestConfig.orgRunThrottle,
    cancelOn: [
      { event: planGenerateRequested, if: limits.cancelWhenRestarted },
      { event: planGenerateCancelled, if: limits.cancelWhenCancelled },
    ],
    timeouts: limits.timeouts,
    // The message lists every failed attempt: each recorded itself on the plan as it failed.
    onFailure: async ({ event, error, step }) => {
      const { planId, generationId } = event.data.event.data as { planId: string; generationId: string };
      await step.run("mark-failed", () =>
        markRunFailed(
          { failedAttempts: generationStore.failedAttempts, markFailed: generationStore.markGenerationFailed },
          planId,
          generationId,
          error,
        ),
      );
    },
  },
  async ({ event, step, attempt, logger }) => {
    const { planId, generationId } = event.data;
    const steps = inngestStepRunner(
      step,
      {
        attempt,
        retries: limits.retries,
        record: (entry) => generationStore.recordFailedAttempt(planId, generationId, entry),
      },
      (id, request) => step.invoke(id, { function: planDaysFunction, data: request }) as Promise<never>,
    );
    return generateMealPlan(event.data, steps, generationDependencies({ logger })).catch((error: unknown) => {
      throw asInngestError(error);
    });
  },
);

/** generate-meal-plan runs stopped by their timeouts (or a restart) reach no onFailure: see markCancelledFunction. */
export const markCancelledGenerationFunction = markCancelledFunction({
  id: "mark-cancelled-generation",
  name: "Mark a cancelled generation as failed",
  watches: limits,
  runIdField: "generationId",
  markFailed: (planId, generationId) =>
    generationStore.markGenerationFailed(
      planId,
      generationId,
      "Generation took too long and was stopped; press Generate to try again",
    ),
});
