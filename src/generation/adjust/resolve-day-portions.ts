import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { type ScaleDayResult, scaleDay } from "./scale-calories";

/**
 * Re-solves one day's grams to the plan's targets after a coach's edit. Today
 * that is the calorie scaler (the day lands within 3 % of the calorie target);
 * it takes the whole spec so a solver that also meets the macro split can
 * replace it here without its callers changing.
 */
export function resolveDayPortions(
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  spec: Pick<PlanSpec, "calorieTarget" | "macroSplit">,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): ScaleDayResult {
  return scaleDay(day, foods, spec.calorieTarget, config);
}
