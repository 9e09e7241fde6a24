import { oneDayRun } from "@/inngest/story/run-kinds";
import { planDayRegenerateRequested } from "./events";
import { markTimedOutFunction, runFunction } from "./run-function";

/**
 * regenerate-plan-day: the durable workflow behind /days/{day}/regenerate.
 * The story is in story/regenerate-plan-day.ts; runFunction binds it to
 * Inngest, in the per-plan concurrency queue it shares with
 * generate-meal-plan.
 */
export const regeneratePlanDayFunction = runFunction(oneDayRun, {
  name: "Regenerate one day of a meal plan",
  triggers: [planDayRegenerateRequested],
});

/** Day runs stopped by their timeouts do not reach onFailure: mark them failed so none stays generating. */
export const markCancelledDayGenerationFunction = markTimedOutFunction(oneDayRun, {
  id: "mark-cancelled-day-generation",
  name: "Mark a cancelled day regeneration as failed",
});
