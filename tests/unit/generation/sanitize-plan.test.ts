import { describe, expect, it } from "vitest";
import { sanitizePlan } from "@/generation/answer/sanitize-plan";
import type { ModelPlan } from "@/generation/model/model-plan";
import { makeFood, makeSpec } from "../../support/food-factory";

// These foods suit every meal, so only the rule under test moves or removes them.
const anyMeal = ["breakfast", "lunch", "dinner", "snack"] as const;

const oats = makeFood({
  name: "Oats",
  kcal_per_100g: 379,
  protein_per_100g: 13.2,
  carbs_per_100g: 67.7,
  fat_per_100g: 6.5,
  allergens: ["gluten"],
  meal_types: [...anyMeal],
});
const chicken = makeFood({
  name: "Chicken",
  kcal_per_100g: 165,
  protein_per_100g: 31,
  carbs_per_100g: 0,
  fat_per_100g: 3.6,
  diet_tags: ["gluten_free", "dairy_free"],
  meal_types: [...anyMeal],
});
const peanuts = makeFood({
  name: "Peanut butter",
  kcal_per_100g: 588,
  allergens: ["peanut"],
  meal_types: [...anyMeal],
});
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
    expect(result.removed).toEqual({ unknownFood: 0, restrictedFood: 0, unsuitedFood: 0 });
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
    expect(result.removed).toEqual({ unknownFood: 2, restrictedFood: 0, unsuitedFood: 0 });
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
    expect(result.removed).toEqual({ unknownFood: 0, restrictedFood: 2, unsuitedFood: 0 });
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
    const smoked = makeFood({ name: "Smoked salmon", family: "salmon", meal_types: [...anyMeal] });
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
    expect(result.removed).toEqual({ unknownFood: 0, restrictedFood: 2, unsuitedFood: 0 });
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

  describe("meals as a dietitian plates them", () => {
    const cod = makeFood({ name: "Cod", food_group: "protein" });
    const milk = makeFood({ name: "Oat milk", food_group: "dairy", plate_role: "drink", max_per_meal_g: 300 });
    const oil = makeFood({ name: "Olive oil", food_group: "fat", meal_types: ["lunch", "dinner"], max_per_meal_g: 15 });
    const foods = [cod, milk, oil, oats];
    const day = (meals: ModelPlan["days"][number]["meals"]): ModelPlan => ({ days: [{ day: 1, meals }] });

    it("moves a food served at a meal it does not suit to one it suits (cod from breakfast to lunch)", () => {
      const result = sanitizePlan(
        day([
          {
            name: "Breakfast",
            items: [
              { food_id: cod.id, grams: 150 },
              { food_id: oats.id, grams: 50 },
            ],
          },
          { name: "Lunch", items: [{ food_id: milk.id, grams: 1500 }] },
        ]),
        foods,
        makeSpec(),
        3,
      );
      const meals = result.days[0]?.meals ?? [];
      expect(meals.map((meal) => [meal.name, meal.items.map((item) => item.food_id)])).toEqual([
        ["Breakfast", [oats.id, milk.id]],
        ["Lunch", [cod.id]],
      ]);
      expect(result.repaired.movedFood).toBe(2);
    });

    it("cuts grams past a food's per-meal amount (1.5 l of plant milk is 300 g)", () => {
      const result = sanitizePlan(
        day([{ name: "Breakfast", items: [{ food_id: milk.id, grams: 1500 }] }]),
        foods,
        makeSpec(),
        3,
      );
      expect(result.days[0]?.meals[0]?.items[0]?.grams).toBe(300);
      expect(result.repaired.cutToMealAmount).toBe(1);
    });

    it("drops a food no meal of the day suits (oil as a snack in a day of snacks)", () => {
      const result = sanitizePlan(
        day([
          {
            name: "Afternoon snack",
            items: [
              { food_id: oil.id, grams: 5 },
              { food_id: milk.id, grams: 200 },
            ],
          },
        ]),
        foods,
        makeSpec(),
        3,
      );
      expect(result.days[0]?.meals[0]?.items.map((item) => item.food_id)).toEqual([milk.id]);
      expect(result.removed.unsuitedFood).toBe(1);
    });

    it("keeps the model's dish title only sanitised, and only for a meal it left as answered", () => {
      const result = sanitizePlan(
        day([
          {
            name: "Breakfast",
            title: "  Overnight   oats <b>with</b> milk  ",
            preparation: "Soak the oats overnight.",
            items: [
              { food_id: oats.id, grams: 50 },
              { food_id: milk.id, grams: 150 },
            ],
          },
          // The milk leaves for the snack: neither title describes its meal any more.
          {
            name: "Lunch",
            title: "Cod with milk",
            items: [
              { food_id: cod.id, grams: 150 },
              { food_id: milk.id, grams: 200 },
            ],
          },
          { name: "Afternoon snack", title: "Oats", items: [{ food_id: oats.id, grams: 30 }] },
          { name: "Dinner", title: "See https://example.com/deal", items: [{ food_id: cod.id, grams: 120 }] },
        ]),
        foods,
        makeSpec(),
        4,
      );
      const meals = result.days[0]?.meals ?? [];
      expect(meals[0]).toMatchObject({ title: "Overnight oats with milk", preparation: "Soak the oats overnight." });
      expect(meals.slice(1).map((meal) => meal.title)).toEqual([undefined, undefined, undefined]);
    });
  });
});
