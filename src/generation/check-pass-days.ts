import { dayTotals } from "./day-totals";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "./generation-config";
import { type GenerationError, generationError } from "./generation-error";
import type { PlannedDay } from "./planned-day";

/**
 * Is a sanitised pass worth keeping? Run inside the pass step, right after
 * sanitizePlan, so a bad answer is retried by asking the model again (a
 * later scale/dedup step cannot fix it). Rejects a day that lost every item,
 * and a day so far from the target that the seed's scaler would have to blow
 * portions up or shrink them beyond `plausibleScaleRange` (e.g. 0.4-2.5x),
 * which happens when most of a day's items had unknown food ids.
 */
export function checkPassDays(
  days: readonly PlannedDay[],
  calorieTarget: number,
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
    const kcal = dayTotals(day).kcal;
    const scale = kcal > 0 ? calorieTarget / kcal : Number.POSITIVE_INFINITY;
    if (scale < config.plausibleScaleRange.min || scale > config.plausibleScaleRange.max) {
      return generationError(
        "implausible_calories",
        `Day ${day.day} of the model's plan has ${Math.round(kcal)} kcal against a target of ${Math.round(calorieTarget)} kcal, too far off to scale`,
      );
    }
  }
  return null;
}
