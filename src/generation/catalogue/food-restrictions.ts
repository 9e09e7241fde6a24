import type { Allergen, CatalogueFood, Diet } from "./catalogue";

/** What a plan forbids: every diet must be among a food's tags, no allergy among its allergens. */
export type Restrictions = { diet: readonly Diet[]; allergies: readonly Allergen[] };

/** True when the food may appear in a plan with these restrictions. */
export function fitsRestrictions(
  food: Pick<CatalogueFood, "diet_tags" | "allergens">,
  restrictions: Restrictions,
): boolean {
  return restrictionViolations(food, restrictions).length === 0;
}

/** Each broken rule as a short phrase ("not vegan", "contains peanut"), for logs and the eval report. */
export function restrictionViolations(
  food: Pick<CatalogueFood, "diet_tags" | "allergens">,
  restrictions: Restrictions,
): string[] {
  const missingDiets = restrictions.diet.filter((diet) => !food.diet_tags.includes(diet)).map((diet) => `not ${diet}`);
  const allergens = restrictions.allergies
    .filter((allergy) => food.allergens.includes(allergy))
    .map((allergy) => `contains ${allergy}`);
  return [...missingDiets, ...allergens];
}
