import { inngestConfig } from "@inngest-config";
import { wholePlanRun } from "@/inngest/story/run-kinds";
import { planGenerateCancelled, planGenerateRequested } from "./events";
import { markTimedOutFunction, runFunction } from "./run-function";

const limits = inngestConfig.generateMealPlan;

/**
 * generate-meal-plan: the durable workflow behind /generate/start. The story
 * itself is in story/generate-meal-plan.ts; runFunction binds it to Inngest.
 * A newer start of the plan, or a coach's cancel, cancels the run.
 */
export const generateMealPlanFunction = runFunction(wholePlanRun, {
  name: "Generate meal plan",
  triggers: [planGenerateRequested],
  cancelOn: [
    { event: planGenerateRequested, if: limits.cancelWhenRestarted },
    { event: planGenerateCancelled, if: limits.cancelWhenCancelled },
  ],
});

export const markCancelledGenerationFunction = markTimedOutFunction(wholePlanRun, {
  id: "mark-cancelled-generation",
  name: "Mark a cancelled generation as failed",
});
