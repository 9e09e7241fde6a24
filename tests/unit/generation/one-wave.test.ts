import { describe, expect, it } from "vitest";
import { type CatalogueFood, familyKey, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { resolvePlanSpec, type StoredPlanInputs } from "@/generation/intake/resolve-plan-spec";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { usedFoodIds } from "@/generation/nutrition/planned-day";
import { chunkPass } from "@/generation/passes/chunk-pass";
import { planOneWave } from "@/generation/passes/one-wave";
import { chunkLimitsFor } from "@/inngest/story/run-dependencies";
import { range } from "../../support/generation-fixtures";
import { seedCatalogue } from "../../support/seed-catalogue";
import { runWorkflowInMemory } from "../../support/workflow-in-memory";

/** The workflow's own story, chunked to production's 20 s step budget. */
async function generate(stored: StoredPlanInputs, waves: "one" | "two") {
  const catalogue = seedCatalogue();
  const run = await runWorkflowInMemory({ stored, catalogue, waves, stepBudgetSeconds: 20 });
  if (!run.saved) throw new Error("the run saved nothing");
  return { run, days: run.saved.days, foods: indexFoodsById(catalogue), spec: resolvePlanSpec(stored, {}) };
}

const distinctPerWeek = (days: Parameters<typeof usedFoodIds>[0]) =>
  range(0, Math.ceil(days.length / 7) - 1).map((week) => usedFoodIds(days.slice(week * 7, week * 7 + 7)).length);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("planning variety up front for one wave", () => {
  const candidates = seedCatalogue().filter((food) => fitsRestrictions(food, { diet: ["vegetarian"], allergies: [] }));
  const chunks = chunkPass(range(1, 14), 8192, chunkLimitsFor(20)("claude-haiku-4-5-20251001"));
  const wave = planOneWave(chunks, candidates, "generation-1");

  it("steers each chunk to its own candidate foods and tells it what the others were steered to", () => {
    const ids = new Set(candidates.map((food) => food.id));
    for (const [index, chunk] of wave.entries()) {
      expect(chunk.preferFoodIds.length).toBeGreaterThan(0);
      for (const id of chunk.preferFoodIds) expect(ids.has(id)).toBe(true);
      const others = new Set(wave.flatMap((other, at) => (at === index ? [] : other.preferFoodIds)));
      expect(new Set(chunk.avoidFoodIds)).toEqual(
        new Set([...others].filter((id) => !chunk.preferFoodIds.includes(id))),
      );
    }
  });

  it("gives a day's mains from different families, rotating through the catalogue's", () => {
    const foods = indexFoodsById(candidates);
    for (const chunk of wave) {
      const proteins = chunk.preferFoodIds.map((id) => foods.get(id)).filter((food) => food?.food_group === "protein");
      expect(new Set(proteins.map((food) => familyKey(food as CatalogueFood))).size).toBe(proteins.length);
    }
    const proteinFamilies = new Set(candidates.filter((f) => f.food_group === "protein").map(familyKey));
    const steered = new Set(
      wave.flatMap((chunk) => chunk.preferFoodIds.map((id) => familyKey(foods.get(id) as CatalogueFood))),
    );
    for (const family of proteinFamilies) expect(steered.has(family)).toBe(true);
  });

  it("is the same plan for the same generation and a different one for another", () => {
    expect(planOneWave(chunks, candidates, "generation-1")).toEqual(wave);
    expect(planOneWave(chunks, candidates, "generation-2")).not.toEqual(wave);
  });
});

describe("a plan generated in one wave", () => {
  const stored = {
    plan_length_days: 14,
    intake_data: { calorie_target: 2200, meals_per_day: 4, diet: ["pescatarian"], allergies: ["peanut"] },
  };

  it("asks for every day at once, with no pass that waits for another", async () => {
    const { run } = await generate(stored, "one");
    expect(run.requests).toHaveLength(14);
    expect(
      run.requests.map((request) => request.user).every((user) => /^Foods planned for these days/m.test(user)),
    ).toBe(true);
    // A 14-day plan, each day solved by HiGHS: a limit for a stuck run, not a timing.
  }, 30_000);

  it("meets every rule: days once, restrictions, calories, no repeated food or family within a day", async () => {
    const { days, foods, spec } = await generate(stored, "one");
    expect(days.map((day) => day.day)).toEqual(range(1, 14));
    for (const day of days) {
      expect(Math.abs(dayTotals(day).kcal / spec.calorieTarget - 1)).toBeLessThanOrEqual(0.03);
      const items = day.meals.flatMap((meal) => meal.items);
      const dayFoods = items.map((item) => foods.get(item.food_id) as CatalogueFood);
      expect(new Set(items.map((item) => item.food_id)).size).toBe(items.length);
      expect(new Set(dayFoods.map(familyKey)).size).toBe(items.length);
      for (const food of dayFoods) expect(fitsRestrictions(food, spec)).toBe(true);
    }
  }, 30_000);

  it("keeps at least the variety of the two-pass plan (distinct foods per 7 days, within 10 %)", async () => {
    for (const days of [7, 14, 28]) {
      const plan = { ...stored, plan_length_days: days };
      const twoPass = mean(distinctPerWeek((await generate(plan, "two")).days));
      const oneWave = mean(distinctPerWeek((await generate(plan, "one")).days));
      expect(oneWave).toBeGreaterThanOrEqual(twoPass * 0.9);
    }
    // Six plans of up to 28 days, each day solved by HiGHS: a limit for a stuck run, not a timing.
  }, 120_000);
});
