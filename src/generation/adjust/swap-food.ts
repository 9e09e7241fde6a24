import { type CatalogueFood, familyKey } from "@/generation/catalogue/catalogue";
import { type Restrictions, restrictionViolations } from "@/generation/catalogue/food-restrictions";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import { withDishTitles } from "@/generation/meals/dish-titles";
import type { MealMiss } from "@/generation/meals/meal-patterns";
import { mealTypeOf, suitsMeal } from "@/generation/meals/plate";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import { KCAL_PER_GRAM } from "@/generation/nutrition/macros";
import type { PlannedDay, PlannedItem } from "@/generation/nutrition/planned-day";
import type { GenerationError } from "@/generation/shared/generation-error";
import { balanceDay, type MacroMiss } from "./balance-day";
import { scaleDay } from "./scale-calories";

/**
 * Swapping one food of a saved day for another catalogue food: which foods
 * may replace it, and the day after the swap, re-solved to its targets.
 * Pure: the caller reads the day and the catalogue and writes the result.
 */

/** Where an item sits in a day: meal index and item index within the meal. */
export type ItemPosition = { meal: number; item: number };

export type Alternative = { food: CatalogueFood; item: PlannedItem };

/**
 * The grams of `food` carrying the same energy as `item` (whole grams, within
 * 1 g and the portion cap), so an alternative is compared, and swapped in, at
 * the energy the day already had in that slot.
 */
export function equalEnergyGrams(
  item: PlannedItem,
  food: CatalogueFood,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): number {
  if (!(food.kcal_per_100g > 0) || !(item.kcal > 0)) return Math.min(config.maxItemGrams, food.default_portion_g);
  const grams = Math.round((item.kcal * 100) / food.kcal_per_100g);
  return Math.min(config.maxItemGrams, Math.max(1, grams));
}

/** Distance between two items' macros, in kcal of protein, carbohydrate and fat (Euclidean). */
function macroDistance(a: PlannedItem, b: PlannedItem): number {
  const protein = (a.protein - b.protein) * KCAL_PER_GRAM.protein;
  const carbs = (a.carbs - b.carbs) * KCAL_PER_GRAM.carbs;
  const fat = (a.fat - b.fat) * KCAL_PER_GRAM.fat;
  return Math.hypot(protein, carbs, fat);
}

/** The item at `position`, or undefined when the day has no such item. */
export function itemAt(day: PlannedDay, position: ItemPosition): PlannedItem | undefined {
  return day.meals[position.meal]?.items[position.item];
}

/** Food families used by the day's other items (the one being replaced is free to change). */
function otherFamilies(
  day: PlannedDay,
  position: ItemPosition,
  foods: ReadonlyMap<string, CatalogueFood>,
): Set<string> {
  const families = new Set<string>();
  for (const [mealIndex, meal] of day.meals.entries()) {
    for (const [itemIndex, item] of meal.items.entries()) {
      if (mealIndex === position.meal && itemIndex === position.item) continue;
      const food = foods.get(item.food_id);
      families.add(food ? familyKey(food) : item.food_id);
    }
  }
  return families;
}

/**
 * Catalogue foods that could replace the item: the same role on the plate
 * (a main protein for a main protein, a starch for a starch: plate.ts), suited
 * to the item's meal (no fish offered at breakfast), fitting the plan's diet,
 * allergies and dislikes and not already in the day (by id or family), ranked
 * by how close their macros are at the item's energy (closest first). Each
 * comes at the grams that carry that energy.
 */
// Size: 5 parameters: the day, the item, and the three things an alternative is chosen from.
export function rankAlternatives(
  day: PlannedDay,
  position: ItemPosition,
  catalogue: readonly CatalogueFood[],
  restrictions: Restrictions,
  options: { limit: number; config?: GenerationConfig },
): Alternative[] {
  const foods = new Map(catalogue.map((food) => [food.id, food]));
  const meal = day.meals[position.meal];
  const current = itemAt(day, position);
  const currentFood = current ? foods.get(current.food_id) : undefined;
  if (!meal || !current || !currentFood) return [];
  const mealType = mealTypeOf(meal.name);
  const usedIds = new Set(day.meals.flatMap((each) => each.items.map((item) => item.food_id)));
  const families = otherFamilies(day, position, foods);
  return catalogue
    .filter(
      (food) =>
        food.plate_role === currentFood.plate_role &&
        suitsMeal(food, mealType) &&
        !usedIds.has(food.id) &&
        !families.has(familyKey(food)) &&
        restrictionViolations(food, restrictions).length === 0,
    )
    .map((food) => ({ food, item: plannedItem(food, equalEnergyGrams(current, food, options.config)) }))
    .map((alternative) => ({ alternative, distance: macroDistance(current, alternative.item) }))
    .sort((a, b) => a.distance - b.distance || a.alternative.food.name.localeCompare(b.alternative.food.name))
    .slice(0, options.limit)
    .map(({ alternative }) => alternative);
}

export type SwapRefusal =
  | { reason: "no_such_item" }
  | { reason: "same_food" }
  | { reason: "restricted"; violations: string[] }
  | { reason: "already_in_day"; food: string };

export type SwapResult =
  | { ok: true; day: PlannedDay; miss: MacroMiss | null; mealMisses: MealMiss[] }
  | { ok: false; refusal: SwapRefusal }
  | { ok: false; error: GenerationError };

/**
 * The day with the item replaced by `replacement` (at the item's energy), then
 * re-solved to the plan's targets as the workflow's scale and balance steps
 * do: onto the calorie target, then the balance step's program with the
 * coach's foods kept (none dropped or brought in), which also says which meal
 * rules the day now misses. The changed meal gets a title derived from its
 * new foods; the others keep theirs. Refuses a food the plan's restrictions
 * forbid (the client's dislikes included), or one the day already has (id or
 * family).
 */
// Size: 6 parameters: the day, the item and its replacement, and what the swapped day is balanced against.
export async function swapFood(
  day: PlannedDay,
  position: ItemPosition,
  replacement: CatalogueFood,
  foods: ReadonlyMap<string, CatalogueFood>,
  spec: Pick<PlanSpec, "calorieTarget" | "macroSplit"> & Restrictions,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): Promise<SwapResult> {
  const current = itemAt(day, position);
  if (!current) return { ok: false, refusal: { reason: "no_such_item" } };
  if (current.food_id === replacement.id) return { ok: false, refusal: { reason: "same_food" } };
  const violations = restrictionViolations(replacement, spec);
  if (violations.length > 0) return { ok: false, refusal: { reason: "restricted", violations } };
  const usedIds = new Set(day.meals.flatMap((meal) => meal.items.map((item) => item.food_id)));
  if (usedIds.has(replacement.id) || otherFamilies(day, position, foods).has(familyKey(replacement))) {
    return { ok: false, refusal: { reason: "already_in_day", food: replacement.name } };
  }

  const swapped: PlannedDay = {
    day: day.day,
    meals: day.meals.map((meal, mealIndex) => ({
      ...meal,
      items: meal.items.map((item, itemIndex) =>
        mealIndex === position.meal && itemIndex === position.item
          ? plannedItem(replacement, equalEnergyGrams(current, replacement, config))
          : item,
      ),
    })),
  };
  const withReplacement = new Map(foods).set(replacement.id, replacement);
  const scaled = scaleDay(swapped, withReplacement, spec.calorieTarget, config);
  if (!scaled.ok) return scaled;
  // An unsolved day comes back unchanged (the scaled day), with its miss.
  const balanced = await balanceDay(scaled.day, withReplacement, spec, { keepFoods: true, config });
  return {
    ok: true,
    day: withDishTitles(balanced.day, day, withReplacement),
    miss: balanced.miss,
    mealMisses: balanced.mealMisses,
  };
}
