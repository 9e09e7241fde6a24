import { type CatalogueFood, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions, type Restrictions } from "@/generation/catalogue/food-restrictions";
import { mealSlotsFor, slotNamed } from "@/generation/catalogue/meal-slots";
import { PREPARATION_MAX_CHARS, sanitizeDishText, TITLE_MAX_CHARS } from "@/generation/meals/dish-titles";
import { mealAmountCap } from "@/generation/meals/meal-patterns";
import { mealTypeOf, suitsMeal } from "@/generation/meals/plate";
import { portionScale } from "@/generation/meals/usual-portion";
import type { ModelPlan } from "@/generation/model/model-plan";
import { plannedItem, roundTenth } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay } from "@/generation/nutrition/planned-day";

export type SanitizeResult = {
  days: PlannedDay[];
  /** How many items were removed, moved or cut, and why; the caller logs these. */
  removed: { unknownFood: number; restrictedFood: number; unsuitedFood: number };
  /** Items moved to a meal they suit, and items cut to their food's per-meal amount. */
  repaired: { movedFood: number; cutToMealAmount: number };
};

/**
 * Keep only what the plan may contain, whatever the model said: an item must
 * name one of the candidates (the only foods the prompt offered) and that food
 * must fit the plan's diet, allergies and dislikes (checked again here; the
 * candidate list is not trusted to be pre-filtered). A food served at a meal
 * it does not suit (cod at breakfast, milk as lunch) moves to a meal of the
 * day it suits, the one lacking its role first, or is dropped; grams past a
 * food's per-meal amount are cut to it. Nutrition is computed from the
 * catalogue. Meal names are the plan's own (mealName); the model's dish title
 * and preparation line are kept only sanitised (dish-titles.ts), and only for
 * a meal whose foods sanitising left as they were. Meals left empty are
 * dropped; days are kept so the caller can see which ones came out empty.
 */
// Size: 69 lines and 5 parameters: one pass over the answer, each check beside the item it drops.
export function sanitizePlan(
  plan: ModelPlan,
  candidates: readonly CatalogueFood[],
  restrictions: Restrictions,
  mealsPerDay: number,
  /** The day's calories: per-meal amounts grow with the day's usual portions (meal-patterns.ts mealAmountCap). */
  calorieTarget?: number,
): SanitizeResult {
  const scale = calorieTarget === undefined ? 1 : portionScale(calorieTarget, mealsPerDay);
  const foods = indexFoodsById(candidates);
  const removed = { unknownFood: 0, restrictedFood: 0, unsuitedFood: 0 };
  const repaired = { movedFood: 0, cutToMealAmount: 0 };
  const days = plan.days.map((day): PlannedDay => {
    const meals = day.meals.map((meal, index) => {
      const items = meal.items.flatMap((item) => {
        const food = foods.get(item.food_id.trim());
        if (!food) {
          removed.unknownFood += 1;
          return [];
        }
        if (!fitsRestrictions(food, restrictions)) {
          removed.restrictedFood += 1;
          return [];
        }
        return [{ food, grams: Math.max(0.1, roundTenth(item.grams)) }];
      });
      return {
        name: mealName(meal.name, index, mealsPerDay),
        title: sanitizeDishText(meal.title, TITLE_MAX_CHARS),
        preparation: sanitizeDishText(meal.preparation, PREPARATION_MAX_CHARS),
        untouched: items.length === meal.items.length,
        items,
      };
    });
    // Foods at a meal they do not suit go to one they do (or leave the day).
    for (const meal of meals) {
      const type = mealTypeOf(meal.name);
      for (const item of [...meal.items]) {
        if (suitsMeal(item.food, type)) continue;
        meal.items.splice(meal.items.indexOf(item), 1);
        meal.untouched = false;
        const target = mealFor(item.food, meals);
        if (!target) {
          removed.unsuitedFood += 1;
          continue;
        }
        target.items.push(item);
        target.untouched = false;
        repaired.movedFood += 1;
      }
    }
    return {
      day: day.day,
      meals: meals
        .filter((meal) => meal.items.length > 0)
        .map((meal) => ({
          name: meal.name,
          ...(meal.untouched && meal.title ? { title: meal.title } : {}),
          ...(meal.untouched && meal.title && meal.preparation ? { preparation: meal.preparation } : {}),
          items: meal.items.map(({ food, grams }) => {
            const cap = mealAmountCap(food, scale) ?? Number.POSITIVE_INFINITY;
            if (grams > cap) repaired.cutToMealAmount += 1;
            return plannedItem(food, Math.min(grams, cap));
          }),
        })),
    };
  });
  return { days, removed, repaired };
}

/** The meal of the day a food suits, the one without a food of its role first, then the lightest. */
function mealFor<M extends { name: string; items: { food: CatalogueFood }[] }>(
  food: CatalogueFood,
  meals: M[],
): M | undefined {
  const suited = meals.filter((meal) => suitsMeal(food, mealTypeOf(meal.name)));
  const lacks = (meal: M) => (meal.items.some((item) => item.food.plate_role === food.plate_role) ? 1 : 0);
  return suited.sort((a, b) => lacks(a) - lacks(b) || a.items.length - b.items.length)[0];
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
