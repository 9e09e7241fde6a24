import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceBounds, balanceDay, balanceDays } from "@/generation/adjust/balance-day";
import { loadLinearProgramSolver } from "@/generation/adjust/linear-program";
import { macroGramsOf, solvePortions } from "@/generation/adjust/portion-lp";
import { type CatalogueFood, familyKey, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { selectCandidates } from "@/generation/catalogue/select-candidates";
import { DEFAULT_GENERATION_CONFIG, type MacroSplit } from "@/generation/generation-config";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { worstMacroPoints } from "@/generation/nutrition/macros";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { foodNamed, makeDay, makeFood, realisticCatalogue } from "../../support/food-factory";

const catalogue = realisticCatalogue();
const foods = indexFoodsById(catalogue);
const food = (name: string) => foodNamed(catalogue, name);
const SPLIT: MacroSplit = { protein_pct: 30, carb_pct: 40, fat_pct: 30 };
const HIGH_PROTEIN: MacroSplit = { protein_pct: 40, carb_pct: 35, fat_pct: 25 };
const config = DEFAULT_GENERATION_CONFIG;

const kcalOff = (day: PlannedDay, target: number) => Math.abs(dayTotals(day).kcal / target - 1);
const worstMacro = (day: PlannedDay, split: MacroSplit) => worstMacroPoints(dayTotals(day), split);
const foodIds = (day: PlannedDay) => day.meals.flatMap((meal) => meal.items.map((item) => item.food_id));

/** A day as a careless model writes it: sensible foods, every item at its usual portion. */
function carelessDay(dayNumber: number, meals: Record<string, string[]>): PlannedDay {
  return makeDay(
    dayNumber,
    Object.fromEntries(
      Object.entries(meals).map(([name, names]) => [
        name,
        names.map((foodName): [CatalogueFood, number] => [food(foodName), food(foodName).default_portion_g]),
      ]),
    ),
  );
}

const omnivoreDay = carelessDay(1, {
  Breakfast: ["Oats, rolled, dry", "Greek yogurt, plain, nonfat", "Banana, raw"],
  Lunch: ["Chicken breast, meat only, roasted", "Rice, white, long-grain, cooked", "Broccoli, raw", "Olive oil"],
  Dinner: ["Salmon, Atlantic, farmed, cooked, dry heat", "Potatoes, boiled, without skin", "Spinach, raw", "Almonds"],
});

describe("the portion linear program (HiGHS)", () => {
  it("finds grams within bounds that put calories in the band and every macro on the split", async () => {
    const solve = await loadLinearProgramSolver();
    const items = omnivoreDay.meals.flatMap((meal, m) =>
      meal.items.map((item) => ({ food: foods.get(item.food_id) as CatalogueFood, meal: m, preferredGrams: 100 })),
    );
    const bounds = items.map(({ food: f }) => balanceBounds(f));
    const solution = solvePortions({ items, calorieTarget: 2000, macroSplit: SPLIT, bounds, calorieBand: 0.01 }, solve);
    expect(solution.status).toBe("solved");
    if (solution.status !== "solved") return;
    const kcal = items.reduce((sum, { food: f }, i) => sum + (f.kcal_per_100g * (solution.grams[i] ?? 0)) / 100, 0);
    expect(Math.abs(kcal / 2000 - 1)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(solution.worstMacroPoints).toBeLessThan(1);
    solution.grams.forEach((grams, i) => {
      expect(grams).toBeGreaterThanOrEqual(bounds[i]?.lower ?? Number.NaN);
      expect(grams).toBeLessThanOrEqual(bounds[i]?.upper ?? Number.NaN);
    });
  });

  it("reports infeasible when no grams within bounds reach the calories", async () => {
    const solve = await loadLinearProgramSolver();
    const items = ["Broccoli, raw", "Spinach, raw", "Cucumber, peeled, raw"].map((name) => ({
      food: food(name),
      meal: 0,
      preferredGrams: 100,
    }));
    const solution = solvePortions(
      {
        items,
        calorieTarget: 2000,
        macroSplit: SPLIT,
        bounds: items.map(({ food: f }) => balanceBounds(f)),
        calorieBand: 0.01,
      },
      solve,
    );
    expect(solution).toEqual({ status: "infeasible" });
  });

  it("keeps every portion within its bounds and calories within the band, whatever the foods (property)", async () => {
    const solve = await loadLinearProgramSolver();
    const pool = selectCandidates(catalogue, { diet: [], allergies: [] }, { seed: "lp-property" });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...pool), { minLength: 2, maxLength: 16, selector: (f) => f.id }),
        fc.integer({ min: 1200, max: 3800 }),
        fc.record({ protein: fc.integer({ min: 15, max: 45 }), fat: fc.integer({ min: 15, max: 40 }) }),
        async (chosen, target, shares) => {
          const split = {
            protein_pct: shares.protein,
            fat_pct: shares.fat,
            carb_pct: 100 - shares.protein - shares.fat,
          };
          const items = chosen.map((f, i) => ({ food: f, meal: i % 3, preferredGrams: f.default_portion_g }));
          const bounds = items.map(({ food: f }) => balanceBounds(f));
          const solution = solvePortions(
            { items, calorieTarget: target, macroSplit: split, bounds, calorieBand: 0.01 },
            solve,
          );
          const maxKcal = items.reduce(
            (sum, { food: f }, i) => sum + (f.kcal_per_100g * (bounds[i]?.upper ?? 0)) / 100,
            0,
          );
          const minKcal = items.reduce(
            (sum, { food: f }, i) => sum + (f.kcal_per_100g * (bounds[i]?.lower ?? 0)) / 100,
            0,
          );
          const reachable = maxKcal >= target * 0.99 && minKcal <= target * 1.01;
          expect(solution.status).toBe(reachable ? "solved" : "infeasible");
          if (solution.status !== "solved") return;
          solution.grams.forEach((grams, i) => {
            expect(grams).toBeGreaterThanOrEqual(bounds[i]?.lower ?? Number.NaN);
            expect(grams).toBeLessThanOrEqual(bounds[i]?.upper ?? Number.NaN);
          });
          const kcal = items.reduce(
            (sum, { food: f }, i) => sum + (f.kcal_per_100g * (solution.grams[i] ?? 0)) / 100,
            0,
          );
          expect(Math.abs(kcal / target - 1)).toBeLessThanOrEqual(0.01 + 1e-6);
          expect(solution.worstMacroPoints).toBeCloseTo(
            worstMacroPoints(macroGramsOf(items, solution.grams), split),
            6,
          );
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe("balancing a day", () => {
  it("re-solves a careless day's grams onto the calories and the split, keeping its foods and meals", async () => {
    const result = await balanceDay(omnivoreDay, foods, { calorieTarget: 2000, macroSplit: SPLIT });
    expect(result.miss).toBeNull();
    expect(result.changes).toEqual([]);
    expect(kcalOff(result.day, 2000)).toBeLessThanOrEqual(0.03);
    expect(worstMacro(result.day, SPLIT)).toBeLessThanOrEqual(5);
    expect(result.day.meals.map((meal) => meal.name)).toEqual(["Breakfast", "Lunch", "Dinner"]);
    expect(foodIds(result.day)).toEqual(foodIds(omnivoreDay));
    for (const item of result.day.meals.flatMap((meal) => meal.items)) {
      const bounds = balanceBounds(foods.get(item.food_id) as CatalogueFood);
      expect(Number.isInteger(item.grams)).toBe(true);
      expect(item.grams).toBeGreaterThanOrEqual(Math.floor(bounds.lower));
      expect(item.grams).toBeLessThanOrEqual(Math.ceil(bounds.upper));
    }
  });

  const noProteinDay = carelessDay(3, {
    Breakfast: ["Oats, rolled, certified gluten-free, dry", "Banana, raw"],
    Lunch: ["Rice, white, long-grain, cooked", "Broccoli, raw", "Olive oil"],
    Dinner: ["Potatoes, boiled, without skin", "Spinach, raw", "Avocado, raw"],
  });

  it("brings in a protein from the candidates when the day's foods cannot reach a 30 % protein split", async () => {
    const candidates = selectCandidates(catalogue, { diet: ["vegan"], allergies: [] }, { seed: "swap" });
    const restrictions = { diet: ["vegan" as const], allergies: [] };
    const result = await balanceDay(
      noProteinDay,
      foods,
      { calorieTarget: 2000, macroSplit: SPLIT },
      {
        candidates,
        restrictions,
      },
    );
    expect(result.miss).toBeNull();
    expect(result.changes.length).toBeGreaterThan(0);
    for (const change of result.changes) {
      const newcomer = foods.get(change.kind === "added" ? change.foodId : change.toFoodId) as CatalogueFood;
      expect(newcomer.food_group).toBe("protein");
      expect(fitsRestrictions(newcomer, restrictions)).toBe(true);
    }
    // Still no repeated food or family within the day.
    const dayFoods = foodIds(result.day).map((id) => foods.get(id) as CatalogueFood);
    expect(new Set(dayFoods.map(familyKey)).size).toBe(dayFoods.length);
    expect(kcalOff(result.day, 2000)).toBeLessThanOrEqual(0.03);
    expect(worstMacro(result.day, SPLIT)).toBeLessThanOrEqual(5);
  });

  it("saves the best day it can and says how far each macro misses when nothing can be brought in", async () => {
    const result = await balanceDay(noProteinDay, foods, { calorieTarget: 2000, macroSplit: SPLIT });
    expect(result.changes).toEqual([]);
    expect(kcalOff(result.day, 2000)).toBeLessThanOrEqual(0.03);
    expect(result.miss?.protein_pts).toBeLessThan(-5);
    const { protein_pts = 0, carb_pts = 0, fat_pts = 0 } = result.miss ?? {};
    expect(Math.max(Math.abs(protein_pts), Math.abs(carb_pts), Math.abs(fat_pts))).toBeCloseTo(
      worstMacroPoints(dayTotals(result.day), SPLIT),
      0,
    );
  });

  it("never brings in a food the plan forbids, even when it is among the candidates", async () => {
    const chicken = food("Chicken breast, meat only, roasted");
    const result = await balanceDay(
      noProteinDay,
      foods,
      { calorieTarget: 2000, macroSplit: SPLIT },
      {
        candidates: [chicken],
        restrictions: { diet: ["vegan"], allergies: [] },
      },
    );
    expect(foodIds(result.day)).not.toContain(chicken.id);
    expect(result.miss).not.toBeNull();
  });

  it("returns a day whose calories no portions can reach unchanged, with its miss", async () => {
    const lettuce = makeFood({
      name: "Lettuce",
      food_group: "vegetable",
      kcal_per_100g: 15,
      protein_per_100g: 1.2,
      carbs_per_100g: 2.9,
      fat_per_100g: 0.2,
    });
    const day = makeDay(2, { Lunch: [[lettuce, 2000]] });
    const result = await balanceDay(day, indexFoodsById([lettuce]), { calorieTarget: 300, macroSplit: SPLIT });
    expect(result.solved).toBe(false);
    expect(result.day).toBe(day);
    expect(result.miss).not.toBeNull();
  });

  it("meets both rules on every solved day it does not report, for any day of candidate foods (property)", async () => {
    const candidates = selectCandidates(catalogue, { diet: [], allergies: [] }, { seed: "day-property" });
    const item = fc.constantFrom(...candidates);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uniqueArray(item, { minLength: 1, maxLength: 5, selector: (f) => f.id }), {
          minLength: 3,
          maxLength: 5,
        }),
        fc.integer({ min: 1400, max: 3200 }),
        fc.constantFrom(SPLIT, HIGH_PROTEIN),
        async (meals, target, split) => {
          // Unique foods and families across the day, as dedup leaves it.
          const seen = new Set<string>();
          const deduped = meals.map((meal) =>
            meal.filter((f) => !seen.has(familyKey(f)) && seen.add(familyKey(f)) !== undefined),
          );
          const day = makeDay(
            1,
            Object.fromEntries(
              deduped.map((meal, i) => [
                `Meal ${i + 1}`,
                meal.map((f): [CatalogueFood, number] => [f, f.default_portion_g]),
              ]),
            ),
          );
          fc.pre(day.meals.every((meal) => meal.items.length > 0));
          const [result] = await balanceDays(
            [day],
            foods,
            { calorieTarget: target, macroSplit: split },
            {
              candidates,
              config,
            },
          );
          if (!result) throw new Error("no result");
          if (!result.solved) {
            expect(result.day).toBe(day);
          } else if (result.miss === null) {
            expect(kcalOff(result.day, target)).toBeLessThanOrEqual(0.03);
            expect(worstMacro(result.day, split)).toBeLessThanOrEqual(5);
          } else {
            expect(kcalOff(result.day, target)).toBeLessThanOrEqual(0.03);
            expect(
              Math.max(
                Math.abs(result.miss.protein_pts),
                Math.abs(result.miss.carb_pts),
                Math.abs(result.miss.fat_pts),
              ),
            ).toBeGreaterThan(5);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
