import { generateMealPlanFunction, markCancelledGenerationFunction } from "./generate-meal-plan-function";
import { planDaysFunction } from "./plan-days-function";
import { markCancelledDayGenerationFunction, regeneratePlanDayFunction } from "./regenerate-plan-day-function";

/** Every function this app serves at /api/inngest. */
export const functions = [
  generateMealPlanFunction,
  markCancelledGenerationFunction,
  regeneratePlanDayFunction,
  markCancelledDayGenerationFunction,
  planDaysFunction,
];
