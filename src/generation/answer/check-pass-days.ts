import { dedupDay } from "@/generation/adjust/dedup-foods";
import { cappedScaleFactor } from "@/generation/adjust/scale-calories";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import { dayTotals } from "@/generation/nutrition/day-totals";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { type GenerationError, generationError } from "@/generation/shared/generation-error";

/**
 * Is a sanitised pass worth keeping? Run inside the pass step, right after
 * sanitizePlan, so a bad answer is retried by asking the model again (the
 * later scale and dedup steps cannot fix it). Each day is judged as it will
 * be saved, after its repeated foods are removed. Rejects a day left with no
 * items, and a day so far from the target that the original route's scaler would have
 * to blow portions up or shrink them beyond `plausibleScaleRange` (0.1-10x: most
 * of its items had unknown ids, or were repeats), or a day that cannot reach
 * the target with every item within the per-item limit (the scaler holds an
 * item at the limit and grows the others). Within that, balance repairs the day.
 */
export function checkPassDays(
  days: readonly PlannedDay[],
  calorieTarget: number,
  foods: ReadonlyMap<string, CatalogueFood>,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): GenerationError | null {
  const empty = days.filter((day) => day.meals.every((meal) => meal.items.length === 0)).map((day) => day.day);
  if (empty.length > 0) {
    return generationError(
      "empty_day",
      `No usable catalogue foods were left on day ${empty.join(", ")} of the model's plan`,
    );
  }
  for (const day of days) {
    const deduped = dedupDay(day, foods);
    if (!deduped.ok) return deduped.error;
    const kcal = dayTotals(deduped.day).kcal;
    const scale = kcal > 0 ? calorieTarget / kcal : Number.POSITIVE_INFINITY;
    if (scale < config.plausibleScaleRange.min || scale > config.plausibleScaleRange.max) {
      return generationError(
        "implausible_calories",
        `Day ${day.day} of the model's plan has ${Math.round(kcal)} kcal against a target of ${Math.round(calorieTarget)} kcal, too far off to scale`,
      );
    }
    if (cappedScaleFactor(deduped.day, calorieTarget, config.maxItemGrams) === null) {
      return generationError(
        "implausible_calories",
        `Day ${day.day} of the model's plan cannot reach ${Math.round(calorieTarget)} kcal with every item within the ${config.maxItemGrams} g per-item limit`,
      );
    }
  }
  return null;
}
