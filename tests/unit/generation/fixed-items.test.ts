import { describe, expect, it } from "vitest";
import { carriedItems, type DayScope, lockedKeys, withFixedItems } from "@/generation/adjust/fixed-items";
import { scaleDay } from "@/generation/adjust/scale-calories";
import { indexFoodsById } from "@/generation/catalogue/catalogue";
import { dayTotals } from "@/generation/nutrition/day-totals";
import { makeDay, makeFood } from "../../support/food-factory";

/**
 * What a day or meal regeneration keeps as it is: the kept items put back
 * into the model's answer first in their meals, never repeated by it, and
 * left at their grams by the calorie scaler.
 */

const oats = makeFood({ name: "Oats", family: "oats", kcal_per_100g: 380 });
const yogurt = makeFood({ name: "Yogurt", family: "yogurt", kcal_per_100g: 60 });
const chicken = makeFood({ name: "Chicken", family: "chicken", kcal_per_100g: 165 });
const smokedChicken = makeFood({ name: "Smoked chicken", family: "chicken", kcal_per_100g: 170 });
const rice = makeFood({ name: "Rice", family: "rice", kcal_per_100g: 130 });
const salmon = makeFood({ name: "Salmon", family: "salmon", kcal_per_100g: 200 });
const foods = indexFoodsById([oats, yogurt, chicken, smokedChicken, rice, salmon]);

const savedMeals = [{ name: "Breakfast", title: "Oats with yogurt" }, { name: "Lunch" }, { name: "Dinner" }];

describe("a meal run's answer", () => {
  const scope: DayScope = {
    meal: "Lunch",
    fixed: [
      { meal: "Breakfast", food_id: oats.id, grams: 80, id: "item-oats", locked: false },
      { meal: "Dinner", food_id: chicken.id, grams: 150, id: "item-chicken", locked: false },
      { meal: "Lunch", food_id: rice.id, grams: 120, id: "item-rice", locked: true },
    ],
    meals: savedMeals,
  };
  const answer = makeDay(2, {
    Breakfast: [[yogurt, 200]],
    Lunch: [
      [smokedChicken, 140],
      [salmon, 150],
    ],
  });

  it("keeps only the meal asked for, the kept items first in their meals, in the saved order", () => {
    const kept = withFixedItems(answer, scope, foods, 3);
    expect(kept?.day.meals.map((meal) => [meal.name, meal.items.map((item) => [item.food_id, item.grams])])).toEqual([
      ["Breakfast", [[oats.id, 80]]],
      [
        "Lunch",
        [
          [rice.id, 120],
          [salmon.id, 150],
        ],
      ],
      ["Dinner", [[chicken.id, 150]]],
    ]);
    expect(kept?.fixedKeys).toEqual(["Breakfast:0", "Lunch:0", "Dinner:0"]);
  });

  it("drops a food of the answer whose family a kept item has (no chicken twice a day)", () => {
    const lunch = withFixedItems(answer, scope, foods, 3)?.day.meals.find((meal) => meal.name === "Lunch");
    expect(lunch?.items.map((item) => item.food_id)).not.toContain(smokedChicken.id);
  });

  it("is refused when the answer lacks the meal", () => {
    expect(withFixedItems(makeDay(2, { Dinner: [[salmon, 150]] }), scope, foods, 3)).toBeUndefined();
  });

  it("carries each kept item's id and lock; new items have none", () => {
    const kept = withFixedItems(answer, scope, foods, 3);
    if (!kept) throw new Error("no day");
    const carried = carriedItems(kept.day, scope);
    expect(carried.flatMap((meal) => meal.items.map(({ id, locked }) => [id, locked]))).toEqual([
      ["item-oats", false],
      ["item-rice", true],
      [null, false],
      ["item-chicken", false],
    ]);
    expect(lockedKeys(kept.day, scope)).toEqual(["Lunch:0"]);
  });
});

describe("a whole day's run with a locked item", () => {
  it("puts it back into the meal it was in, in the plan's meal order", () => {
    const scope: DayScope = { fixed: [{ meal: "Dinner", food_id: salmon.id, grams: 160, locked: true }], meals: [] };
    const answer = makeDay(1, { Dinner: [[rice, 150]], Breakfast: [[oats, 70]] });
    const kept = withFixedItems(answer, scope, foods, 3);
    expect(kept?.day.meals.map((meal) => meal.name)).toEqual(["Breakfast", "Dinner"]);
    expect(kept?.day.meals[1]?.items[0]).toMatchObject({ food_id: salmon.id, grams: 160 });
    expect(kept?.fixedKeys).toEqual(["Dinner:0"]);
  });
});

describe("the calorie scaler beside kept items", () => {
  it("scales only the other items, onto what the day has left", () => {
    const day = makeDay(1, {
      Breakfast: [[oats, 100]], // 380 kcal, kept
      Lunch: [[rice, 500]], // 650 kcal
      Dinner: [[chicken, 300]], // 495 kcal
    });
    const scaled = scaleDay(day, foods, 2000, undefined, new Set(["Breakfast:0"]));
    if (!scaled.ok) throw new Error(scaled.error.message);
    expect(scaled.day.meals[0]?.items[0]?.grams).toBe(100);
    expect(Math.abs(dayTotals(scaled.day).kcal / 2000 - 1)).toBeLessThanOrEqual(0.03);
  });

  it("says so when the kept items alone hold the whole day", () => {
    const day = makeDay(1, { Breakfast: [[oats, 600]], Lunch: [[rice, 100]] }); // 2280 kcal kept
    const scaled = scaleDay(day, foods, 2000, undefined, new Set(["Breakfast:0"]));
    expect(scaled).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/foods kept as they are hold/) },
    });
  });
});
