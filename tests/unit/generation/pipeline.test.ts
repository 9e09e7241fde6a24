import { describe, expect, it } from "vitest";
import { buildPassRequest } from "@/generation/build-pass-request";
import { type CatalogueFood, familyKey, indexFoodsById } from "@/generation/catalogue";
import { checkPassDays } from "@/generation/check-pass-days";
import { dayTotals } from "@/generation/day-totals";
import { dedupThenRescale } from "@/generation/dedup-foods";
import { fitsRestrictions } from "@/generation/food-restrictions";
import type { GenerateBody } from "@/generation/intake";
import { createOfflineModel } from "@/generation/offline-model";
import { parseModelReply } from "@/generation/parse-model-reply";
import { type PlannedDay, usedFoodIds } from "@/generation/planned-day";
import { resolvePlanSpec, type StoredPlanInputs } from "@/generation/resolve-plan-spec";
import { sanitizePlan } from "@/generation/sanitize-plan";
import { scaleCalories } from "@/generation/scale-calories";
import { selectCandidates } from "@/generation/select-candidates";
import { splitPasses } from "@/generation/split-passes";
import { realisticCatalogue } from "../../support/food-factory";

// The workflow's steps, in order, with only pure functions and the offline
// model: load-context → pass-one → pass-two → scale → dedup (save is I/O).
async function generate(stored: StoredPlanInputs, body: GenerateBody, catalogue: readonly CatalogueFood[]) {
  const spec = resolvePlanSpec(stored, body);
  const candidates = selectCandidates(catalogue, spec, { seed: "generation-1" });
  const model = createOfflineModel();
  const passes = splitPasses(spec.days);
  const days: PlannedDay[] = [];
  for (const dayNumbers of [passes.passOne, passes.passTwo ?? []].filter((pass) => pass.length > 0)) {
    const request = buildPassRequest({ spec, candidates, dayNumbers, avoidFoodIds: usedFoodIds(days) });
    const parsed = parseModelReply(await model.complete(request), dayNumbers);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const sanitized = sanitizePlan(parsed.plan, candidates, spec);
    const problem = checkPassDays(sanitized.days, spec.calorieTarget);
    if (problem) throw new Error(problem.message);
    days.push(...sanitized.days);
  }
  const foods = indexFoodsById(candidates);
  const scaled = scaleCalories(days, foods, spec.calorieTarget);
  if (!scaled.ok) throw new Error(scaled.error.message);
  const deduped = dedupThenRescale(scaled.days, foods, spec.calorieTarget);
  if (!deduped.ok) throw new Error(deduped.error.message);
  return { spec, days: deduped.days, foods };
}

describe("generating a whole plan offline", () => {
  it("produces a 28-day rich plan that meets every rule", async () => {
    const { spec, days, foods } = await generate(
      {
        plan_length_days: 28,
        intake_data: {
          calorie_target: 2400,
          meals_per_day: 4,
          diet: ["pescatarian"],
          allergies: ["peanut", "tree_nut"],
        },
      },
      {},
      realisticCatalogue(),
    );
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
    const { spec, days, foods } = await generate(
      { plan_length_days: 3, intake_data: {}, calorie_target: 1600, dietary_restrictions: "vegetarian, no eggs" },
      {},
      realisticCatalogue(),
    );
    expect(spec.promptStyle).toBe("simple");
    for (const item of days.flatMap((day) => day.meals.flatMap((meal) => meal.items))) {
      const food = foods.get(item.food_id) as CatalogueFood;
      expect(food.diet_tags).toContain("vegetarian");
      expect(food.allergens).not.toContain("egg");
    }
  });
});
