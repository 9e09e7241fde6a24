import { type CatalogueFood, familyKey } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { type GenerationError, generationError } from "@/generation/shared/generation-error";
import { type FixedKeysByDay, scaleCalories } from "./scale-calories";

export type DedupDayResult = { ok: true; day: PlannedDay; dropped: number } | { ok: false; error: GenerationError };
export type DedupResult =
  | {
      ok: true;
      days: PlannedDay[];
      /** Items removed per day (days with none removed are omitted). */
      dropped: { day: number; count: number }[];
      /** Days dedup changed and the scaler then brought back to the calorie target. */
      rescaled: number[];
    }
  | { ok: false; error: GenerationError };

/**
 * The original route's food dedup for one day: walk the meals in order keeping
 * `usedIds` and `usedFamilies`; an item whose food id or family is already
 * used that day is dropped (the first occurrence wins), then meals left empty
 * are dropped. A day left with nothing is an error value.
 */
export function dedupDay(day: PlannedDay, foods: ReadonlyMap<string, CatalogueFood>): DedupDayResult {
  const usedIds = new Set<string>();
  const usedFamilies = new Set<string>();
  let dropped = 0;
  const meals = day.meals
    .map((meal) => ({
      name: meal.name,
      items: meal.items.filter((item) => {
        const food = foods.get(item.food_id);
        // An item outside the catalogue is its own family, so it is only deduped by id.
        const family = food ? familyKey(food) : `id:${item.food_id}`;
        if (usedIds.has(item.food_id) || usedFamilies.has(family)) {
          dropped += 1;
          return false;
        }
        usedIds.add(item.food_id);
        usedFamilies.add(family);
        return true;
      }),
    }))
    .filter((meal) => meal.items.length > 0);
  if (meals.length === 0) {
    return {
      ok: false,
      error: generationError("empty_day", `Day ${day.day} has no foods left after removing repeats`),
    };
  }
  // Unchanged days come back as they were, so later steps can tell.
  return { ok: true, day: dropped === 0 ? day : { day: day.day, meals }, dropped };
}

/**
 * The dedup step. Why it rescales: the workflow runs `scale` and then
 * `dedup` (step names fixed by the design), so items dropped here would leave
 * a day below its target after it was scaled. Every day dedup changed is put
 * through the original route's scaler again, so the saved plan still meets the 3 %
 * calorie rule; days dedup did not touch are returned unchanged.
 */
// Size: 5 parameters, the scale step's own four and the fixed items it must leave, as the story passes them.
export function dedupThenRescale(
  days: readonly PlannedDay[],
  foods: ReadonlyMap<string, CatalogueFood>,
  calorieTarget: number,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
  /** Items kept as they are (first in their meals, so dedup never drops one): the rescale leaves them too. */
  fixedByDay: FixedKeysByDay = {},
): DedupResult {
  const deduped: PlannedDay[] = [];
  const dropped: { day: number; count: number }[] = [];
  for (const day of days) {
    const result = dedupDay(day, foods);
    if (!result.ok) return result;
    deduped.push(result.day);
    if (result.dropped > 0) dropped.push({ day: day.day, count: result.dropped });
  }
  // The scaler leaves days already within tolerance untouched, so only days
  // that lost items come back changed.
  const scaled = scaleCalories(deduped, foods, calorieTarget, config, fixedByDay);
  if (!scaled.ok) return scaled;
  return { ok: true, days: scaled.days, dropped, rescaled: scaled.scaled.map((entry) => entry.day) };
}
