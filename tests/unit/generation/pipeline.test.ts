import { describe, expect, it } from "vitest";
import { type CatalogueFood, familyKey, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { resolvePlanSpec, type StoredPlanInputs } from "@/generation/intake/resolve-plan-spec";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { realisticCatalogue } from "../../support/food-factory";
import { runWorkflowInMemory } from "../../support/workflow-in-memory";

// The workflow's own handler (load-context → pass-one → pass-two → scale →
// dedup → save) with the offline model and an in-memory store.
async function generate(stored: StoredPlanInputs) {
  const catalogue = realisticCatalogue();
  const run = await runWorkflowInMemory({ stored, catalogue });
  if (!run.saved) throw new Error("the run saved nothing");
  return { spec: resolvePlanSpec(stored, {}), days: run.saved.days, foods: indexFoodsById(catalogue) };
}

describe("generating a whole plan offline", () => {
  it("produces a 28-day rich plan that meets every rule", async () => {
    const { spec, days, foods } = await generate({
      plan_length_days: 28,
      intake_data: {
        calorie_target: 2400,
        meals_per_day: 4,
        diet: ["pescatarian"],
        allergies: ["peanut", "tree_nut"],
      },
    });
    expect(days.map((day) => day.day)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    for (const day of days) {
      expect(Math.abs(dayTotals(day).kcal / spec.calorieTarget - 1)).toBeLessThanOrEqual(0.03);
      expect(day.meals).toHaveLength(4);
      const items = day.meals.flatMap((meal) => meal.items);
      expect(new Set(items.map((item) => familyKey(foods.get(item.food_id) as CatalogueFood))).size).toBe(items.length);
      for (const item of items) expect(fitsRestrictions(foods.get(item.food_id) as CatalogueFood, spec)).toBe(true);
    }
  });

  it("produces a legacy simple plan from free-text restrictions", async () => {
    const { spec, days, foods } = await generate({
      plan_length_days: 3,
      intake_data: {},
      calorie_target: 1600,
      dietary_restrictions: "vegetarian, no eggs",
    });
    expect(spec.promptStyle).toBe("simple");
    for (const item of days.flatMap((day) => day.meals.flatMap((meal) => meal.items))) {
      const food = foods.get(item.food_id) as CatalogueFood;
      expect(food.diet_tags).toContain("vegetarian");
      expect(food.allergens).not.toContain("egg");
    }
  });
});
