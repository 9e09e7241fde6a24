import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scaleCalories, scaleDay } from "@/generation/adjust/scale-calories";
import { indexFoodsById } from "@/generation/catalogue/catalogue";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { makeDay, makeFood, realisticCatalogue } from "../../support/food-factory";
import { arbitraryDay } from "./day-arbitraries";

const catalogue = realisticCatalogue();
const foods = indexFoodsById(catalogue);
const rice = makeFood({
  name: "Rice",
  kcal_per_100g: 130,
  protein_per_100g: 2.7,
  carbs_per_100g: 28,
  fat_per_100g: 0.3,
});
const chicken = makeFood({
  name: "Chicken",
  kcal_per_100g: 165,
  protein_per_100g: 31,
  carbs_per_100g: 0,
  fat_per_100g: 3.6,
});
const small = indexFoodsById([rice, chicken]);

describe("the calorie scaler (the original route's rule: scale = target / actual when off by more than 3 %)", () => {
  it("leaves a day within 3 % untouched", () => {
    const day = makeDay(1, {
      Lunch: [
        [rice, 1000],
        [chicken, 400],
      ],
    }); // 1300 + 660 = 1960 kcal, 2 % under
    expect(scaleDay(day, small, 2000)).toEqual({ ok: true, day, scale: null });
  });

  it("also scales a day the original route's |scale - 1| test lets through but that is over 3 % above target", () => {
    const day = makeDay(1, {
      Lunch: [
        [rice, 1000],
        [chicken, 418],
      ],
    }); // 1300 + 689.7 = 1989.7 kcal
    const target = 1989.7 * 0.9701; // scale 0.9701 passes the original route's test, yet the day is 3.08 % over
    const result = scaleDay(day, small, target);
    expect(result.ok && result.scale).not.toBeNull();
    expect(result.ok && Math.abs(dayTotals(result.day).kcal / target - 1)).toBeLessThanOrEqual(0.03);
  });

  it("scales every item of a day that is off by more than 3 %", () => {
    const day = makeDay(4, {
      Lunch: [
        [rice, 500],
        [chicken, 200],
      ],
    }); // 650 + 330 = 980 kcal
    const result = scaleDay(day, small, 1960);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scale).toBeCloseTo(2, 5);
    expect(result.day.meals[0]?.items.map((item) => item.grams)).toEqual([1000, 400]);
    expect(dayTotals(result.day).kcal).toBe(1960);
  });

  it("recomputes nutrition from the catalogue after scaling", () => {
    const day = makeDay(1, { Dinner: [[chicken, 100]] });
    const result = scaleDay(day, small, 330);
    expect(result.ok && result.day.meals[0]?.items[0]).toEqual({
      food_id: chicken.id,
      grams: 200,
      kcal: 330,
      protein: 62,
      carbs: 0,
      fat: 7.2,
    });
  });

  it("rounds grams to whole numbers and corrects the drift", () => {
    const day = makeDay(1, {
      Lunch: [
        [rice, 333],
        [chicken, 77],
        [rice, 11],
      ],
    });
    const result = scaleDay(day, small, 1234);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const item of result.day.meals[0]?.items ?? []) expect(Number.isInteger(item.grams)).toBe(true);
    expect(Math.abs(dayTotals(result.day).kcal / 1234 - 1)).toBeLessThanOrEqual(0.01);
  });

  it("keeps meals and their order", () => {
    const day = makeDay(2, {
      Breakfast: [[rice, 100]],
      Lunch: [[chicken, 100]],
      Dinner: [
        [rice, 50],
        [chicken, 50],
      ],
    });
    const result = scaleDay(day, small, 1500);
    expect(result.ok && result.day.meals.map((meal) => [meal.name, meal.items.length])).toEqual([
      ["Breakfast", 1],
      ["Lunch", 1],
      ["Dinner", 2],
    ]);
  });

  it("never grows an item past 2000 g (the database limit), and says so when the target is then out of reach", () => {
    const day = makeDay(1, { Lunch: [[rice, 1500]] });
    const result = scaleDay(day, small, 3900);
    expect(result).toMatchObject({ ok: false, error: { code: "unreachable_calories" } });
    expect(!result.ok && result.error.message).toMatch(/portions of at most 2000 g/);
  });

  it("holds an item at the 2000 g limit and grows the others alike, so a day with one huge item still reaches its target", () => {
    const bread = makeFood({ kcal_per_100g: 100 });
    const oats = makeFood({ kcal_per_100g: 100 });
    const day = makeDay(1, { Lunch: [[rice, 1500]], Dinner: [[bread, 100]], Snack: [[oats, 100]] });
    const target = 1500 * (rice.kcal_per_100g / 100) * 1.5 + 300;
    const result = scaleDay(day, indexFoodsById([rice, bread, oats]), target);
    expect(result.ok).toBe(true);
    const grams = result.ok ? result.day.meals.map((meal) => meal.items[0]?.grams ?? 0) : [];
    expect(grams[0]).toBe(2000);
    // The rest of the energy is shared by the other items in proportion, not piled on one of them.
    expect(Math.abs((grams[1] ?? 0) - (grams[2] ?? 0))).toBeLessThanOrEqual(1);
    expect(result.ok && Math.abs(dayTotals(result.day).kcal / target - 1)).toBeLessThanOrEqual(0.03);
  });

  it("returns an error value, not NaN, for a day with no calories", () => {
    const water = makeFood({ kcal_per_100g: 0, protein_per_100g: 0, carbs_per_100g: 0, fat_per_100g: 0 });
    const result = scaleDay(makeDay(3, { Lunch: [[water, 500]] }), indexFoodsById([water]), 2000);
    expect(result).toEqual({
      ok: false,
      error: { code: "zero_calories", message: "Day 3 has no calories to scale to 2000 kcal", retryable: true },
    });
    expect(scaleDay({ day: 5, meals: [] }, small, 2000)).toMatchObject({ ok: false, error: { code: "zero_calories" } });
  });

  it("scales a whole plan and reports which days it scaled", () => {
    const days = [makeDay(1, { Lunch: [[rice, 1500]] }), makeDay(2, { Lunch: [[rice, 1000]] })];
    const result = scaleCalories(days, small, 1950);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.days[0]).toBe(days[0]);
    expect(result.scaled).toEqual([{ day: 2, scale: 1.5 }]);
  });

  it("fails the plan on its first unscalable day", () => {
    const result = scaleCalories([makeDay(1, { Lunch: [[rice, 1500]] }), { day: 2, meals: [] }], small, 2000);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "zero_calories", message: expect.stringContaining("Day 2") },
    });
  });

  it("puts every day within 3 % of target (property: any foods, portions, target within the plausible range)", () => {
    fc.assert(
      fc.property(arbitraryDay(catalogue), fc.double({ min: 0.4, max: 2.5, noNaN: true }), (day, factor) => {
        const actual = dayTotals(day).kcal;
        fc.pre(actual > 0);
        const target = Math.min(6000, Math.max(800, actual * factor));
        fc.pre(target / actual <= 2.5 && target / actual >= 0.4);
        const result = scaleDay(day, foods, target);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(Math.abs(dayTotals(result.day).kcal / target - 1)).toBeLessThanOrEqual(0.03);
        for (const item of result.day.meals.flatMap((meal) => meal.items)) {
          expect(item.grams).toBeGreaterThan(0);
          expect(item.grams).toBeLessThanOrEqual(2000);
        }
      }),
      { numRuns: 200 },
    );
  });
});
