import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import { mealSlotsFor, slotNamed } from "@/generation/catalogue/meal-slots";
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
 * must fit the plan's diet, allergies and dislikes (checked again here; the
 * candidate list is not trusted to be pre-filtered). Nutrition is computed
 * from the catalogue. Meal names are the plan's own (mealName): no text the
 * model wrote reaches the saved plan. Meals left empty are dropped; days are
 * kept so the caller can see which ones came out empty.
 */
export function sanitizePlan(
  plan: ModelPlan,
  candidates: readonly CatalogueFood[],
  restrictions: Restrictions,
  mealsPerDay: number,
): SanitizeResult {
  const foods = indexFoodsById(candidates);
  const removed = { unknownFood: 0, restrictedFood: 0 };
  const days = plan.days.map((day): PlannedDay => {
    const meals = day.meals
      .map((meal, index) => ({
        name: mealName(meal.name, index, mealsPerDay),
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

/**
 * The name a meal is saved under: the meal slot the model's name matches
 * ("lunch " is Lunch), else the plan's slot at that position, else "Meal N".
 * Model text is never kept: a name steered through the client notes could
 * carry a link or a message to the client.
 */
export function mealName(modelName: string, index: number, mealsPerDay: number): string {
  return slotNamed(modelName)?.name ?? mealSlotsFor(mealsPerDay)[index]?.name ?? `Meal ${index + 1}`;
}
