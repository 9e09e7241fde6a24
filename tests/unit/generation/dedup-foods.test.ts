import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dedupDay, dedupThenRescale } from "@/generation/adjust/dedup-foods";
import { scaleCalories } from "@/generation/adjust/scale-calories";
import { checkPassDays } from "@/generation/answer/check-pass-days";
import { familyKey, indexFoodsById } from "@/generation/catalogue/catalogue";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { makeDay, makeFood, realisticCatalogue } from "../../support/food-factory";
import { arbitraryDay } from "./day-arbitraries";

const catalogue = realisticCatalogue();
const foods = indexFoodsById(catalogue);
const brownRice = makeFood({ name: "Brown rice", family: "rice", kcal_per_100g: 123 });
const whiteRice = makeFood({ name: "White rice", family: "Rice", kcal_per_100g: 130 });
const chicken = makeFood({ name: "Chicken", family: "chicken", kcal_per_100g: 165 });
const oats = makeFood({ name: "Oats", family: "oats", kcal_per_100g: 379 });
const small = indexFoodsById([brownRice, whiteRice, chicken, oats]);

describe("food dedup (the original route's rule: usedIds + usedFamilies per day)", () => {
  it("drops a repeated food within a day, keeping the first", () => {
    const day = makeDay(1, {
      Lunch: [
        [chicken, 150],
        [brownRice, 200],
      ],
      Dinner: [
        [chicken, 150],
        [oats, 50],
      ],
    });
    const result = dedupDay(day, small);
    expect(result.ok && result.day.meals.map((meal) => meal.items.map((item) => item.food_id))).toEqual([
      [chicken.id, brownRice.id],
      [oats.id],
    ]);
    expect(result.ok && result.dropped).toBe(1);
  });

  it("drops a second food of the same family (families compare case-insensitively)", () => {
    const day = makeDay(1, {
      Lunch: [[brownRice, 200]],
      Dinner: [
        [whiteRice, 200],
        [chicken, 100],
      ],
    });
    const result = dedupDay(day, small);
    expect(result.ok && result.day.meals[1]?.items.map((item) => item.food_id)).toEqual([chicken.id]);
  });

  it("drops meals left empty", () => {
    const day = makeDay(1, { Lunch: [[chicken, 150]], Snack: [[chicken, 50]], Dinner: [[oats, 60]] });
    const result = dedupDay(day, small);
    expect(result.ok && result.day.meals.map((meal) => meal.name)).toEqual(["Lunch", "Dinner"]);
  });

  it("allows the same food on different days", () => {
    const result = dedupThenRescale(
      [makeDay(1, { Lunch: [[chicken, 1212]] }), makeDay(2, { Lunch: [[chicken, 1212]] })],
      small,
      2000,
    );
    expect(result).toMatchObject({ ok: true, dropped: [], rescaled: [] });
  });

  it("dedups items whose food is unknown by id only", () => {
    const day = {
      day: 1,
      meals: [
        {
          name: "L",
          items: [
            { food_id: "x", grams: 10, kcal: 10, protein: 0, carbs: 0, fat: 0 },
            { food_id: "x", grams: 10, kcal: 10, protein: 0, carbs: 0, fat: 0 },
          ],
        },
      ],
    };
    expect(dedupDay(day, small)).toMatchObject({ ok: true, dropped: 1 });
  });

  it("returns an error value for a day left empty", () => {
    expect(dedupDay({ day: 4, meals: [] }, small)).toEqual({
      ok: false,
      error: { code: "empty_day", message: "Day 4 has no foods left after removing repeats", retryable: true },
    });
  });
});

describe("dedup then rescale (the dedup step)", () => {
  it("brings a day that lost items back to the calorie target", () => {
    // Scaled to 2000 first (the scale step), then a repeated chicken is removed.
    const day = makeDay(1, {
      Lunch: [
        [chicken, 600],
        [brownRice, 400],
      ],
      Dinner: [
        [chicken, 300],
        [oats, 36],
      ],
    });
    const result = dedupThenRescale([day], small, 2000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dropped).toEqual([{ day: 1, count: 1 }]);
    expect(result.rescaled).toEqual([1]);
    expect(Math.abs(dayTotals(result.days[0] ?? day).kcal / 2000 - 1)).toBeLessThanOrEqual(0.03);
  });

  it("returns days it did not change as they were", () => {
    const day = makeDay(1, { Lunch: [[chicken, 1212]] });
    const result = dedupThenRescale([day], small, 2000);
    expect(result.ok && result.days[0]).toBe(day);
  });

  it("leaves no repeated food or family and no empty meal (property)", () => {
    fc.assert(
      fc.property(arbitraryDay(catalogue), (day) => {
        const result = dedupDay(day, foods);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const items = result.day.meals.flatMap((meal) => meal.items);
        const ids = items.map((item) => item.food_id);
        const families = ids.map((id) => familyKey(foods.get(id) ?? { family: id }));
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(families).size).toBe(families.length);
        expect(result.day.meals.every((meal) => meal.items.length > 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("scale then dedup-then-rescale still lands every day within 3 % (property)", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryDay(catalogue), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.boolean(),
        (rawDays, factor, repeatAFood) => {
          const days = rawDays.map((day, index) => {
            const first = day.meals[0]?.items[0];
            // Half the time, repeat a food in a late snack so dedup must drop it and rescale.
            const meals = repeatAFood && first ? [...day.meals, { name: "Late snack", items: [first] }] : day.meals;
            return { day: index + 1, meals };
          });
          const meanKcal = days.reduce((sum, day) => sum + dayTotals(day).kcal, 0) / days.length;
          // Within what a plan may ask for (800-6000 kcal/day), as the scale property does.
          const target = Math.min(6000, Math.max(800, Math.round(meanKcal * factor)));
          // Only what the pass step lets through reaches scale and dedup.
          fc.pre(checkPassDays(days, target, foods) === null);
          const scaled = scaleCalories(days, foods, target);
          expect(scaled.ok).toBe(true);
          if (!scaled.ok) return;
          const result = dedupThenRescale(scaled.days, foods, target);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          if (repeatAFood) expect(result.dropped.length).toBeGreaterThan(0);
          for (const day of result.days) {
            expect(Math.abs(dayTotals(day).kcal / target - 1)).toBeLessThanOrEqual(0.03);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
