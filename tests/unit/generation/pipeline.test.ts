import { describe, expect, it } from "vitest";
import { type CatalogueFood, familyKey, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { resolvePlanSpec, type StoredPlanInputs } from "@/generation/intake/resolve-plan-spec";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { worstMacroPoints } from "@/generation/nutrition/macros";
import { realisticCatalogue } from "../../support/food-factory";
import { runWorkflowInMemory } from "../../support/workflow-in-memory";

// The workflow's own handler (load-context → pass-one → pass-two → scale →
// dedup → balance → save) with the offline model and an in-memory store.
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
    // 28 planned and balanced days (one HiGHS program or more each): room for a loaded CI machine.
  }, 30_000);

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

describe("balancing a whole plan", () => {
  it("saves every day of a high-protein vegan plan on its calories and within 5 points of the split", async () => {
    const stored = {
      plan_length_days: 7,
      intake_data: {
        calorie_target: 2200,
        diet: ["vegan"],
        macro_split: { protein_pct: 40, carb_pct: 35, fat_pct: 25 },
      },
    };
    const run = await runWorkflowInMemory({ stored, catalogue: realisticCatalogue() });
    const spec = resolvePlanSpec(stored, {});
    for (const day of run.saved?.days ?? []) {
      expect(Math.abs(dayTotals(day).kcal / spec.calorieTarget - 1)).toBeLessThanOrEqual(0.03);
      expect(worstMacroPoints(dayTotals(day), spec.macroSplit)).toBeLessThanOrEqual(5);
    }
    expect(run.saved?.macroMisses).toEqual([]);
  });

  it("saves the days a catalogue without protein cannot balance, records how far each misses and logs them", async () => {
    // Only starches, vegetables, fruit and oil: no food can carry a 30 % protein split.
    const catalogue = realisticCatalogue().filter((food) =>
      ["starch", "vegetable", "fruit", "fat"].includes(food.food_group),
    );
    const stored = { plan_length_days: 3, intake_data: { calorie_target: 2000 } };
    const run = await runWorkflowInMemory({ stored, catalogue });
    const spec = resolvePlanSpec(stored, {});
    const days = run.saved?.days ?? [];
    expect(days).toHaveLength(3);
    for (const day of days) expect(Math.abs(dayTotals(day).kcal / spec.calorieTarget - 1)).toBeLessThanOrEqual(0.03);
    const misses = run.saved?.macroMisses ?? [];
    expect(misses.map((miss) => miss.day)).toEqual([1, 2, 3]);
    for (const miss of misses) expect(miss.protein_pts).toBeLessThan(-5);
    const logged = run.logs.find((entry) => entry.message.startsWith("days saved off the macro split"));
    expect(logged?.fields.macroMisses).toEqual(misses);
  });
});
