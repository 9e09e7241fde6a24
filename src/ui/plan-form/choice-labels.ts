import type { Allergen, Diet } from "@/generation/catalogue/catalogue";

/** Checkbox labels for the catalogue's diet values (typed so a new diet cannot go unlabelled). */
export const DIET_LABELS: Record<Diet, string> = {
  vegetarian: "Vegetarian",
  vegan: "Vegan",
  pescatarian: "Pescatarian",
  gluten_free: "Gluten-free",
  dairy_free: "Dairy-free",
};

export const ALLERGEN_LABELS: Record<Allergen, string> = {
  gluten: "Gluten",
  dairy: "Dairy",
  egg: "Egg",
  peanut: "Peanut",
  tree_nut: "Tree nuts",
  soy: "Soy",
  fish: "Fish",
  shellfish: "Shellfish",
  sesame: "Sesame",
};

/** Suggestions for the free-text goal; the coach may type anything. */
export const GOAL_SUGGESTIONS = ["Fat loss", "Maintenance", "Muscle gain", "Endurance performance"] as const;
