import { type Allergen, type CatalogueFood, type Diet, familyKey } from "./catalogue";

/**
 * What a plan forbids: every diet must be among a food's tags, no allergy
 * among its allergens, and no food of a family the client dislikes (no
 * salmon means no smoked salmon either). `dislikedFamilies` comes from the
 * plan's disliked food ids through the catalogue (planRestrictions).
 */
export type Restrictions = {
  diet: readonly Diet[];
  allergies: readonly Allergen[];
  dislikedFamilies?: readonly string[];
};

/**
 * A plan's restrictions, with its disliked food ids turned into the families
 * they exclude (ids the catalogue no longer has exclude nothing more).
 */
export function planRestrictions(
  plan: { diet: readonly Diet[]; allergies: readonly Allergen[]; dislikedFoodIds: readonly string[] },
  catalogue: readonly Pick<CatalogueFood, "id" | "family">[],
): Restrictions & { dislikedFamilies: string[] } {
  const disliked = new Set(plan.dislikedFoodIds);
  const families = new Set(catalogue.filter((food) => disliked.has(food.id)).map(familyKey));
  return { diet: [...plan.diet], allergies: [...plan.allergies], dislikedFamilies: [...families].sort() };
}

/** True when the food may appear in a plan with these restrictions. */
export function fitsRestrictions(
  food: Pick<CatalogueFood, "diet_tags" | "allergens" | "family">,
  restrictions: Restrictions,
): boolean {
  return restrictionViolations(food, restrictions).length === 0;
}

/** Each broken rule as a short phrase ("not vegan", "contains peanut", "disliked (salmon)"), for logs, refusals and the eval report. */
export function restrictionViolations(
  food: Pick<CatalogueFood, "diet_tags" | "allergens" | "family">,
  restrictions: Restrictions,
): string[] {
  const missingDiets = restrictions.diet.filter((diet) => !food.diet_tags.includes(diet)).map((diet) => `not ${diet}`);
  const allergens = restrictions.allergies
    .filter((allergy) => food.allergens.includes(allergy))
    .map((allergy) => `contains ${allergy}`);
  const family = familyKey(food);
  const disliked = restrictions.dislikedFamilies?.includes(family) ? [`disliked (${family})`] : [];
  return [...missingDiets, ...allergens, ...disliked];
}
