import { type CatalogueFood, type FoodGroup, plateDefaults } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import type { PassToPlan } from "@/generation/model/model-port";
import { plannedItem } from "@/generation/nutrition/item-nutrition";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import type { PassBrief } from "@/generation/offline/offline-planner";
import { seedCatalogue } from "./seed-catalogue";

// Small factories for generation tests. Ids are deterministic so failures
// are reproducible and fixture files can refer to foods by position.

let sequence = 0;

/** A plain vegan-friendly food with no allergens unless overridden. */
export function makeFood(overrides: Partial<CatalogueFood> = {}): CatalogueFood {
  sequence += 1;
  const food: Omit<CatalogueFood, "plate_role" | "meal_types" | "max_per_meal_g"> & Partial<CatalogueFood> = {
    id: `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, "0")}`,
    name: `Food ${sequence}`,
    food_group: "protein" as FoodGroup,
    family: `family-${sequence}`,
    kcal_per_100g: 150,
    protein_per_100g: 20,
    carbs_per_100g: 10,
    fat_per_100g: 4,
    fibre_per_100g: 1,
    default_portion_g: 100,
    diet_tags: ["vegetarian", "vegan", "pescatarian", "gluten_free", "dairy_free"],
    allergens: [],
    ...overrides,
  };
  // The plate model follows the group unless the test sets it (as a coach's own food gets it).
  return { ...plateDefaults(food.food_group), ...food } as CatalogueFood;
}

/** The real catalogue from supabase/seed.sql (a fresh copy each call, so tests can't disturb each other). */
export function realisticCatalogue(): CatalogueFood[] {
  return seedCatalogue().map((food) => ({ ...food, diet_tags: [...food.diet_tags], allergens: [...food.allergens] }));
}

export function foodNamed(catalogue: readonly CatalogueFood[], name: string): CatalogueFood {
  const food = catalogue.find((candidate) => candidate.name === name);
  if (!food) throw new Error(`No food named ${name} in the test catalogue`);
  return food;
}

/** A plan spec with the config defaults (2000 kcal, 30/40/30, 3 meals, no restrictions). */
export function makeSpec(overrides: Partial<PlanSpec> = {}): PlanSpec {
  const defaults = DEFAULT_GENERATION_CONFIG.defaults;
  return {
    days: 7,
    calorieTarget: defaults.calorieTarget,
    macroSplit: { ...defaults.macroSplit },
    diet: [],
    allergies: [],
    dislikedFoodIds: [],
    mealsPerDay: defaults.mealsPerDay,
    foodsPerWeek: defaults.foodsPerWeek,
    leftovers: false,
    extraContext: {},
    promptStyle: "rich",
    ...overrides,
  };
}

/** A pass brief with the config defaults, no foods and no restrictions unless overridden. */
export function makeBrief(overrides: Partial<PassBrief> = {}): PassBrief {
  const defaults = DEFAULT_GENERATION_CONFIG.defaults;
  return {
    dayNumbers: [1, 2, 3],
    candidates: [],
    calorieTarget: defaults.calorieTarget,
    macroSplit: { ...defaults.macroSplit },
    mealsPerDay: defaults.mealsPerDay,
    foodsPerWeek: defaults.foodsPerWeek,
    leftovers: false,
    avoidFoodIds: [],
    preferFoodIds: [],
    diet: [],
    allergies: [],
    dislikedFamilies: [],
    ...overrides,
  };
}

/** A pass to plan for a spec: its model and budget by the original route's rule unless overridden. */
export function makePass(overrides: Partial<PassToPlan> & Pick<PassToPlan, "spec">): PassToPlan {
  return {
    restrictions: { diet: overrides.spec.diet, allergies: overrides.spec.allergies, dislikedFamilies: [] },
    candidates: [],
    dayNumbers: [1],
    avoidFoodIds: [],
    preferFoodIds: [],
    model: "claude-haiku-4-5-20251001",
    maxTokens: 4096,
    ...overrides,
  };
}

/** A day whose meals are given as [food, grams] pairs, nutrition computed from the foods. */
export function makeDay(day: number, meals: Record<string, Array<[CatalogueFood, number]>>): PlannedDay {
  return {
    day,
    meals: Object.entries(meals).map(([name, items]) => ({
      name,
      items: items.map(([food, grams]) => plannedItem(food, grams)),
    })),
  };
}
