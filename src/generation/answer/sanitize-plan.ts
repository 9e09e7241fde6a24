import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import type { ModelPlan } from "@/generation/model/model-plan";
import { plannedItem, roundTenth } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay } from "@/generation/nutrition/planned-day";

export type SanitizeResult = {
  days: PlannedDay[];
  /** How many items were removed and why; the caller logs these. */
  removed: { unknownFood: number; restrictedFood: number };
};

/**
 * Keep only what the plan may contain, whatever the model said: an item must
 * name one of the candidates (the only foods the prompt offered) and that food
 * must fit the plan's diet and allergies (checked again here; the candidate
 * list is not trusted to be pre-filtered). Nutrition is computed from the
 * catalogue. Meals left empty are dropped; days are kept so the caller can
 * see which ones came out empty.
 */
export function sanitizePlan(
  plan: ModelPlan,
  candidates: readonly CatalogueFood[],
  restrictions: Restrictions,
): SanitizeResult {
  const foods = indexFoodsById(candidates);
  const removed = { unknownFood: 0, restrictedFood: 0 };
  const days = plan.days.map((day): PlannedDay => {
    const meals = day.meals
      .map((meal) => ({
        name: meal.name.trim(),
        items: meal.items.flatMap((item) => {
          const food = foods.get(item.food_id.trim());
          if (!food) {
            removed.unknownFood += 1;
            return [];
          }
          if (!fitsRestrictions(food, restrictions)) {
            removed.restrictedFood += 1;
            return [];
          }
          return [plannedItem(food, Math.max(0.1, roundTenth(item.grams)))];
        }),
      }))
      .filter((meal) => meal.items.length > 0);
    return { day: day.day, meals };
  });
  return { days, removed };
}
