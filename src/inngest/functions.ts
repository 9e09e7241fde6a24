import { generateMealPlanFunction, markCancelledGenerationFunction } from "./generate-meal-plan-function";

/** Every function this app serves at /api/inngest. */
export const functions = [generateMealPlanFunction, markCancelledGenerationFunction];
