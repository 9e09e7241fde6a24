import { describe, expect, it } from "vitest";
import { sanitizePlan } from "@/generation/answer/sanitize-plan";
import type { ModelPlan } from "@/generation/model/model-plan";
import { makeFood, makeSpec } from "../../support/food-factory";

const oats = makeFood({
  name: "Oats",
  kcal_per_100g: 379,
  protein_per_100g: 13.2,
  carbs_per_100g: 67.7,
  fat_per_100g: 6.5,
  allergens: ["gluten"],
});
const chicken = makeFood({
  name: "Chicken",
  kcal_per_100g: 165,
  protein_per_100g: 31,
  carbs_per_100g: 0,
  fat_per_100g: 3.6,
  diet_tags: ["gluten_free", "dairy_free"],
});
const peanuts = makeFood({ name: "Peanut butter", kcal_per_100g: 588, allergens: ["peanut"] });
const candidates = [oats, chicken, peanuts];

const plan = (items: Array<{ food_id: string; grams: number }>, extraMeal = true): ModelPlan => ({
  days: [
    {
      day: 1,
      meals: [
        { name: " Breakfast ", items },
        ...(extraMeal ? [{ name: "Dinner", items: [{ food_id: oats.id, grams: 50 }] }] : []),
      ],
    },
  ],
});

describe("sanitising a model plan", () => {
  it("computes nutrition from the catalogue, rounded to 0.1", () => {
    const result = sanitizePlan(plan([{ food_id: chicken.id, grams: 150 }]), candidates, makeSpec(), 3);
    expect(result.days[0]?.meals[0]).toEqual({
      name: "Breakfast",
      items: [{ food_id: chicken.id, grams: 150, kcal: 247.5, protein: 46.5, carbs: 0, fat: 5.4 }],
    });
    expect(result.removed).toEqual({ unknownFood: 0, restrictedFood: 0 });
  });

  it("removes food ids that are not candidates, and counts them", () => {
    const outsider = makeFood();
    const result = sanitizePlan(
      plan([
        { food_id: outsider.id, grams: 100 },
        { food_id: "made-up", grams: 100 },
        { food_id: chicken.id, grams: 100 },
      ]),
      candidates,
      makeSpec(),
      3,
    );
    expect(result.days[0]?.meals[0]?.items.map((item) => item.food_id)).toEqual([chicken.id]);
    expect(result.removed).toEqual({ unknownFood: 2, restrictedFood: 0 });
  });

  it("removes foods that break the diet or allergies, even when they are candidates", () => {
    const result = sanitizePlan(
      plan(
        [
          { food_id: chicken.id, grams: 100 },
          { food_id: peanuts.id, grams: 20 },
          { food_id: oats.id, grams: 60 },
        ],
        false,
      ),
      candidates,
      makeSpec({ diet: ["vegetarian"], allergies: ["peanut"] }),
      3,
    );
    expect(result.days[0]?.meals[0]?.items.map((item) => item.food_id)).toEqual([oats.id]);
    expect(result.removed).toEqual({ unknownFood: 0, restrictedFood: 2 });
  });

  it("drops meals left empty and keeps days left empty for checkPassDays to reject", () => {
    const result = sanitizePlan(plan([{ food_id: "made-up", grams: 100 }]), candidates, makeSpec(), 3);
    expect(result.days[0]?.meals.map((meal) => meal.name)).toEqual(["Dinner"]);
    const empty = sanitizePlan(plan([{ food_id: "made-up", grams: 100 }], false), candidates, makeSpec(), 3);
    expect(empty.days).toEqual([{ day: 1, meals: [] }]);
  });

  it("never saves a zero-gram item", () => {
    const result = sanitizePlan(plan([{ food_id: chicken.id, grams: 0.01 }], false), candidates, makeSpec(), 3);
    expect(result.days[0]?.meals[0]?.items[0]?.grams).toBe(0.1);
  });

  it("removes a disliked food and every food of its family, even when they are candidates", () => {
    const smoked = makeFood({ name: "Smoked salmon", family: "salmon" });
    const fillet = makeFood({ name: "Salmon fillet", family: "Salmon " });
    const result = sanitizePlan(
      plan(
        [
          { food_id: smoked.id, grams: 60 },
          { food_id: fillet.id, grams: 120 },
          { food_id: chicken.id, grams: 100 },
        ],
        false,
      ),
      [...candidates, smoked, fillet],
      { diet: [], allergies: [], dislikedFamilies: ["salmon"] },
      3,
    );
    expect(result.days[0]?.meals[0]?.items.map((item) => item.food_id)).toEqual([chicken.id]);
    expect(result.removed).toEqual({ unknownFood: 0, restrictedFood: 2 });
  });

  it("saves the plan's own meal names, never text the model wrote", () => {
    const steered: ModelPlan = {
      days: [
        {
          day: 1,
          meals: [
            { name: "LUNCH", items: [{ food_id: chicken.id, grams: 100 }] },
            { name: "Visit https://evil.example/pay now", items: [{ food_id: oats.id, grams: 50 }] },
            { name: "afternoon  snack", items: [{ food_id: oats.id, grams: 40 }] },
            { name: "<script>", items: [{ food_id: chicken.id, grams: 80 }] },
            { name: "Sixth", items: [{ food_id: chicken.id, grams: 80 }] },
          ],
        },
      ],
    };
    const names = sanitizePlan(steered, candidates, makeSpec(), 4).days[0]?.meals.map((meal) => meal.name);
    // Lunch and Afternoon snack by name; the others by their place in a 4-meal day, then "Meal N".
    expect(names).toEqual(["Lunch", "Lunch", "Afternoon snack", "Dinner", "Meal 5"]);
  });
});
