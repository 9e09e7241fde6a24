import { type CatalogueFood, CatalogueFoodSchema } from "@/generation/catalogue";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { plannedItem } from "@/generation/item-nutrition";
import type { PlanSpec } from "@/generation/plan-spec";
import type { PlannedDay } from "@/generation/planned-day";
import catalogueRows from "../fixtures/catalogue.json";

// Small factories for generation tests. Ids are deterministic so failures
// are reproducible and fixture files can refer to foods by position.

let sequence = 0;

/** A plain vegan-friendly food with no allergens unless overridden. */
export function makeFood(overrides: Partial<CatalogueFood> = {}): CatalogueFood {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, "0")}`,
    name: `Food ${sequence}`,
    food_group: "protein",
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
}

/** The realistic 97-food catalogue in tests/fixtures/catalogue.json, parsed like database rows. */
export function realisticCatalogue(): CatalogueFood[] {
  return CatalogueFoodSchema.array().parse(catalogueRows);
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
    mealsPerDay: defaults.mealsPerDay,
    extraContext: {},
    promptStyle: "rich",
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
