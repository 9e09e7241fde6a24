import { describe, expect, it } from "vitest";
import { checkPassDays } from "@/generation/answer/check-pass-days";
import { indexFoodsById } from "@/generation/catalogue/catalogue";
import { makeDay, makeFood } from "../../support/food-factory";

const rice = makeFood({ kcal_per_100g: 100 });
const water = makeFood({ kcal_per_100g: 0 });
const foods = indexFoodsById([rice, water]);

describe("checking a sanitised pass", () => {
  it("accepts days the scaler can bring to target with sane portions", () => {
    expect(
      checkPassDays([makeDay(1, { Lunch: [[rice, 1500]] }), makeDay(2, { Lunch: [[rice, 2400]] })], 2000, foods),
    ).toBeNull();
  });

  it("rejects a day with no items, naming it", () => {
    expect(checkPassDays([makeDay(1, { Lunch: [[rice, 2000]] }), { day: 2, meals: [] }], 2000, foods)).toEqual({
      code: "empty_day",
      message: "No usable catalogue foods were left on day 2 of the model's plan",
      retryable: true,
    });
  });

  it("rejects a day too far below or above target to scale", () => {
    expect(checkPassDays([makeDay(3, { Snack: [[rice, 100]] })], 2000, foods)).toMatchObject({
      code: "implausible_calories",
      message: "Day 3 of the model's plan has 100 kcal against a target of 2000 kcal, too far off to scale",
    });
    expect(checkPassDays([makeDay(1, { Lunch: [[rice, 25000]] })], 2000, foods)?.code).toBe("implausible_calories");
  });

  it("rejects a day that cannot reach its target with every item within the per-item limit, saying so", () => {
    // 1,000 kcal scales 2.2x to 2,200 kcal, well within the plausible range, but its one item stops at 2,000 g.
    expect(checkPassDays([makeDay(4, { Lunch: [[rice, 1000]] })], 2200, foods)).toMatchObject({
      code: "implausible_calories",
      message: "Day 4 of the model's plan cannot reach 2200 kcal with every item within the 2000 g per-item limit",
    });
  });

  it("accepts a day whose largest item would pass the limit when the others can grow instead", () => {
    const bread = makeFood({ kcal_per_100g: 100 });
    // Scaled 1.5x the rice would weigh 2,250 g: held at 2,000 g, the bread grows to carry the rest.
    const day = makeDay(5, { Lunch: [[rice, 1500]], Dinner: [[bread, 100]] });
    expect(checkPassDays([day], 2400, indexFoodsById([rice, bread]))).toBeNull();
  });

  it("rejects a day whose foods carry no energy", () => {
    expect(checkPassDays([makeDay(1, { Lunch: [[water, 500]] })], 2000, foods)?.code).toBe("implausible_calories");
  });

  it("judges a day as it will be saved, after its repeated foods are removed", () => {
    // 3,000 kcal as planned, but three of the four portions repeat the rice: 500 kcal would remain.
    const repeats = makeDay(1, {
      Breakfast: [[rice, 500]],
      Lunch: [[rice, 1000]],
      Dinner: [[rice, 1000]],
      Snack: [[rice, 500]],
    });
    expect(checkPassDays([repeats], 3000, foods)?.code).toBe("implausible_calories");
  });
});
