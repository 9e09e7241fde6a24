import { generationStore } from "@/server/generation-store";
import { inngestConfig } from "../../inngest.config";
import { inngest } from "./client";
import { planWorkflowConcurrency } from "./concurrency-slots";
import { generationDependencies } from "./dependencies";
import { planGenerateCancelled, planGenerateRequested } from "./events";
import { failureMessage } from "./failure-message";
import { generateMealPlan, type StepRunner } from "./generate-meal-plan-story";

const limits = inngestConfig.generateMealPlan;

/**
 * generate-meal-plan: the durable workflow behind /generate/start. The story
 * itself is in generate-meal-plan-story.ts; this file binds it to Inngest's
 * trigger, limits and failure path.
 */
export const generateMealPlanFunction = inngest.createFunction(
  {
    id: limits.id,
    name: "Generate meal plan",
    triggers: [planGenerateRequested],
    retries: limits.retries,
    // The same limits the inline runner emulates (concurrency-slots.ts).
    concurrency: planWorkflowConcurrency(),
    cancelOn: [
      { event: planGenerateRequested, if: limits.cancelWhenRestarted },
      { event: planGenerateCancelled, if: limits.cancelWhenCancelled },
    ],
    timeouts: limits.timeouts,
    onFailure: async ({ event, error, step }) => {
      const original = event.data.event.data as { planId: string; generationId: string };
      const message = failureMessage(error, limits.retries + 1);
      await step.run("mark-failed", () =>
        generationStore.markGenerationFailed(original.planId, original.generationId, message),
      );
    },
  },
  async ({ event, step, logger }) => {
    // Step results are JSON, and everything the handler returns from a step is
    // plain JSON already, so Inngest's Jsonify<T> is T here.
    const steps: StepRunner = { run: (id, work) => step.run(id, work) as Promise<never> };
    return generateMealPlan(event.data, steps, generationDependencies({ logger }));
  },
);

/**
 * Runs cancelled by `timeouts` (or by a restart, through `cancelOn`) do not
 * reach onFailure. A cancelled run whose plan is still its own would stay
 * "generating" forever, so this marks it failed; a run cancelled by a restart
 * no longer owns the plan, and the update matches nothing; nor does it for a
 * coach's cancel, which cleared the plan's generation id first.
 */
export const markCancelledGenerationFunction = inngest.createFunction(
  {
    id: "mark-cancelled-generation",
    name: "Mark a cancelled generation as failed",
    triggers: [
      {
        event: "inngest/function.cancelled",
        if: `event.data.function_id == '${inngestConfig.appId}-${limits.id}'`,
      },
    ],
    retries: limits.retries,
  },
  async ({ event, step }) => {
    const original = (event.data as { event?: { data?: { planId?: string; generationId?: string } } }).event?.data;
    if (!original?.planId || !original.generationId) return { marked: false };
    const { planId, generationId } = original;
    const marked = await step.run("mark-cancelled", () =>
      generationStore.markGenerationFailed(
        planId,
        generationId,
        "Generation took too long and was stopped; press Generate to try again",
      ),
    );
    return { marked };
  },
);
