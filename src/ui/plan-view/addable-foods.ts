import { type Allergen, type Diet, familyKey } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { mealTypeOf, suitsMeal } from "@/generation/meals/plate";
import type { CatalogueFoodOption, PlanDay, PlanDetail } from "@/ui/api/api-types";
import { matchesWordStart } from "@/ui/plan-form/word-start";

/**
 * Which catalogue foods a day's "Add a food" offers, pure: a word of the
 * name starts with what the coach typed ("rice" finds "Brown rice, cooked",
 * not "Licorice"), suited to the meal (no fish at breakfast), fitting the
 * plan's diet and allergies, not of a family the client dislikes, and not in
 * the day already (by id or family); names starting with the query first,
 * then by name. The server checks all of it again.
 */
export function searchAddableFoods(
  foods: readonly CatalogueFoodOption[],
  query: string,
  day: PlanDay,
  mealIndex: number,
  plan: Pick<PlanDetail, "intake_data" | "disliked_foods">,
): CatalogueFoodOption[] {
  const mealType = mealTypeOf(day.meals[mealIndex]?.name ?? "");
  const needle = query.trim().toLowerCase();
  if (needle === "") return [];
  const restrictions = {
    diet: strings(plan.intake_data.diet) as Diet[],
    allergies: strings(plan.intake_data.allergies) as Allergen[],
  };
  const inDay = new Set(day.meals.flatMap((meal) => meal.items.map((item) => item.food_id)));
  const families = new Set([
    ...foods.filter((food) => inDay.has(food.id)).map(familyKey),
    ...plan.disliked_foods.map((food) => familyKey(food)),
  ]);
  return foods
    .filter(
      (food) =>
        matchesWordStart(food.name, needle) &&
        suitsMeal(food, mealType) &&
        !inDay.has(food.id) &&
        !families.has(familyKey(food)) &&
        fitsRestrictions(food, restrictions),
    )
    .sort(
      (a, b) =>
        Number(!a.name.toLowerCase().startsWith(needle)) - Number(!b.name.toLowerCase().startsWith(needle)) ||
        a.name.localeCompare(b.name, "en", { sensitivity: "base" }),
    );
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((each): each is string => typeof each === "string") : [];
}
