import { type CatalogueFood, plateDefaults } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay, PlannedItem } from "@/generation/nutrition/planned-day";
import { type GenerationError, generationError } from "@/generation/shared/generation-error";
import { fixedItemKey } from "./fixed-items";
import { roundPortionsToTarget } from "./round-portions";

export type ScaleDayResult =
  /** `scale` is null when the day was already within tolerance and left untouched. */
  { ok: true; day: PlannedDay; scale: number | null } | { ok: false; error: GenerationError };
export type ScaleCaloriesResult =
  | { ok: true; days: PlannedDay[]; scaled: { day: number; scale: number }[] }
  | { ok: false; error: GenerationError };

/**
 * The original route's calorie scaler for one day: scale = target / actual, applied to
 * every item's grams when |scale - 1| > tolerance (3 %) (or when the day is
 * more than 3 % from target, see below). Scaled grams are
 * rounded to whole grams with the drift corrected (roundPortionsToTarget) so
 * the day still lands within tolerance, and nutrition is recomputed from the
 * catalogue. No item grows past `maxItemGrams` (2000 g, the database limit);
 * checkPassDays keeps the scale factor in a range where that cannot bind for
 * sane portions. A day with no energy cannot be scaled: that is an error value.
 * Items named in `fixed` ("meal name:item index", fixed-items.ts) keep their
 * grams; the others are scaled to what the day has left to fill.
 */
// Size: 75 lines and 5 parameters: one pass, each case (empty, fixed, scaled) read in order.
export function scaleDay(
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  calorieTarget: number,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
  fixed: ReadonlySet<string> = new Set(),
): ScaleDayResult {
  const actual = dayTotals(day).kcal;
  if (!(actual > 0)) {
    return {
      ok: false,
      error: generationError(
        "zero_calories",
        `Day ${day.day} has no calories to scale to ${Math.round(calorieTarget)} kcal`,
      ),
    };
  }
  const isFixed = (mealName: string, index: number) => fixed.has(fixedItemKey(mealName, index));
  const fixedKcal = fixedKcalOf(day, isFixed);
  const free = actual - fixedKcal;
  const left = calorieTarget - fixedKcal;
  if (fixedKcal > 0 && !(free > 0 && left > 0)) {
    return {
      ok: false,
      error: generationError(
        "unreachable_calories",
        `Day ${day.day}: the foods kept as they are hold ${Math.round(fixedKcal)} kcal of its ${Math.round(calorieTarget)} kcal, leaving nothing for the rest`,
      ),
    };
  }
  const scale = calorieTarget / actual;
  // With fixed items, only the others move: by what the day has left over what they hold.
  const freeScale = fixedKcal > 0 ? left / free : scale;
  // The original route's trigger is |scale - 1| > 3 %. Measured against the target, a day
  // can pass that test yet be up to 3.09 % over (scale 0.97 means actual =
  // target / 0.97), so a day is also scaled when |actual / target - 1| > 3 %:
  // every day the scaler returns is within 3 % of target either way.
  const withinSeedRule = Math.abs(scale - 1) <= config.calorieTolerance;
  const withinTarget = Math.abs(actual / calorieTarget - 1) <= config.calorieTolerance;
  if (withinSeedRule && withinTarget) return { ok: true, day, scale: null };

  const slots = day.meals.flatMap((meal, mealIndex) =>
    meal.items.map((item, i) => ({ mealIndex, item, food: foodFor(item, foods), fixed: isFixed(meal.name, i) })),
  );
  // An item the factor would push past the per-item limit stays at the limit; the others grow more.
  const factor = cappedScaleFactor(day, calorieTarget, config.maxItemGrams, isFixed) ?? freeScale;
  const grams = roundPortionsToTarget(
    slots.map((slot) => ({
      food: slot.food,
      grams: slot.fixed ? slot.item.grams : Math.min(config.maxItemGrams, slot.item.grams * factor),
      ...(slot.fixed ? { range: { lower: slot.item.grams, upper: slot.item.grams } } : {}),
    })),
    calorieTarget,
    { maxRelativeError: config.calorieTolerance / 3, maxGrams: config.maxItemGrams },
  );
  const meals = day.meals.map((meal) => ({ ...meal, items: [] as PlannedItem[] }));
  slots.forEach((slot, index) => {
    const kept = slot.fixed ? slot.item.grams : (grams[index] ?? slot.item.grams);
    meals[slot.mealIndex]?.items.push(slot.fixed ? slot.item : plannedItem(slot.food, kept));
  });
  const scaled = { day: day.day, meals };
  // Portions are capped (maxItemGrams), so a day of light foods may not reach
  // a high target: say so rather than save a day that breaks the rule.
  const reached = dayTotals(scaled).kcal;
  if (Math.abs(reached / calorieTarget - 1) > config.calorieTolerance) {
    return {
      ok: false,
      error: generationError(
        "unreachable_calories",
        `Day ${day.day} cannot reach ${Math.round(calorieTarget)} kcal with portions of at most ${config.maxItemGrams} g (it reaches ${Math.round(reached)} kcal)`,
      ),
    };
  }
  return { ok: true, day: scaled, scale: factor };
}

/**
 * The factor that brings the day to `calorieTarget` kcal when no item may
 * weigh more than `maxGrams` and items `isFixed` names keep their grams:
 * items the plain factor would push past the limit stay at `maxGrams` and the
 * other free items grow by the factor returned (what the day has left over
 * what they hold, when no item reaches the limit). null when even every free
 * item at the limit cannot reach the target.
 */
export function cappedScaleFactor(
  day: PlannedDay,
  calorieTarget: number,
  maxGrams: number,
  isFixed: (mealName: string, index: number) => boolean = () => false,
): number | null {
  const fixedKcal = fixedKcalOf(day, isFixed);
  const items = day.meals
    .flatMap((meal) => meal.items.filter((_, i) => !isFixed(meal.name, i)))
    .filter((item) => item.grams > 0 && item.kcal > 0);
  const total = items.reduce((sum, item) => sum + item.kcal, 0);
  const target = calorieTarget - fixedKcal;
  if (!(total > 0) || !(target > 0)) return null;
  let factor = target / total;
  // Each round caps at least one more item or settles, so items.length rounds suffice.
  for (let round = 0; round <= items.length; round++) {
    const capped = items.filter((item) => item.grams * factor > maxGrams);
    const cappedKcal = capped.reduce((sum, item) => sum + (item.kcal * maxGrams) / item.grams, 0);
    const freeKcal = total - capped.reduce((sum, item) => sum + item.kcal, 0);
    if (cappedKcal >= target) return factor;
    if (!(freeKcal > 0)) return null;
    const next = (target - cappedKcal) / freeKcal;
    if (next === factor) return factor;
    factor = next;
  }
  return factor;
}

/** The kcal of the day's items `isFixed` names. */
function fixedKcalOf(day: PlannedDay, isFixed: (mealName: string, index: number) => boolean): number {
  return day.meals.reduce(
    (sum, meal) => sum + meal.items.reduce((kcal, item, i) => kcal + (isFixed(meal.name, i) ? item.kcal : 0), 0),
    0,
  );
}

/** Per day number, the keys of the items a scoped day run keeps as they are (fixed-items.ts). */
export type FixedKeysByDay = Readonly<Record<number, readonly string[]>>;

/** The scale step: scaleDay for every day; the first unscalable day fails the whole plan. */
// Size: 5 parameters: scaleDay's own, for every day.
export function scaleCalories(
  days: readonly PlannedDay[],
  foods: ReadonlyMap<string, CatalogueFood>,
  calorieTarget: number,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
  fixedByDay: FixedKeysByDay = {},
): ScaleCaloriesResult {
  const out: PlannedDay[] = [];
  const scaled: { day: number; scale: number }[] = [];
  for (const day of days) {
    const result = scaleDay(day, foods, calorieTarget, config, new Set(fixedByDay[day.day] ?? []));
    if (!result.ok) return result;
    out.push(result.day);
    if (result.scale !== null) scaled.push({ day: day.day, scale: result.scale });
  }
  return { ok: true, days: out, scaled };
}

/**
 * The catalogue row behind an item. Items normally come from sanitizePlan, so
 * the food is known; if not, a stand-in with the item's own densities keeps
 * scaling proportional instead of failing.
 */
function foodFor(item: PlannedItem, foods: ReadonlyMap<string, CatalogueFood>): CatalogueFood {
  const known = foods.get(item.food_id);
  if (known) return known;
  const per100 = (value: number) => (item.grams > 0 ? (value * 100) / item.grams : 0);
  return {
    id: item.food_id,
    name: item.food_id,
    food_group: "snack",
    family: item.food_id,
    kcal_per_100g: per100(item.kcal),
    protein_per_100g: per100(item.protein),
    carbs_per_100g: per100(item.carbs),
    fat_per_100g: per100(item.fat),
    fibre_per_100g: 0,
    default_portion_g: Math.max(1, item.grams),
    diet_tags: [],
    allergens: [],
    ...plateDefaults("snack"),
  };
}
