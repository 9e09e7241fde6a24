import { describe, expect, it } from "vitest";
import type { CatalogueFoodOption, PlanDay } from "@/ui/api/api-types";
import { searchAddableFoods } from "@/ui/plan-view/addable-foods";

const food = (id: string, name: string, extra: Partial<CatalogueFoodOption> = {}): CatalogueFoodOption => ({
  id,
  name,
  food_group: "starch",
  family: name.split(",")[0]?.toLowerCase() ?? name,
  diet_tags: ["vegetarian", "vegan"],
  allergens: [],
  meal_types: ["breakfast", "lunch", "dinner", "snack"],
  ...extra,
});

const foods = [
  food("1", "Brown rice, cooked"),
  food("2", "Rice cakes, plain", { family: "rice cakes" }),
  food("3", "Licorice"),
  food("4", "Wild rice, cooked", { family: "wild rice" }),
  food("5", "Rice pudding", { family: "rice pudding", diet_tags: ["vegetarian"], allergens: ["dairy"] }),
  food("6", "Chicken rice bowl", { family: "chicken", diet_tags: [] }),
  food("8", "Rice porridge", { family: "rice porridge", meal_types: ["breakfast"] }),
];

const day = (foodIds: string[]): PlanDay => ({
  day_number: 1,
  totals: { kcal: 0, protein: 0, carbs: 0, fat: 0 },
  kcal_off_target_pct: null,
  macro_miss: null,
  meal_misses: null,
  last_edit: null,
  meals: [
    {
      name: "Lunch",
      title: null,
      preparation: null,
      items: foodIds.map((id) => ({
        id: `item-${id}`,
        food_id: id,
        food_name: "",
        food_group: "starch",
        grams: 100,
        kcal: 0,
        protein: 0,
        carbs: 0,
        fat: 0,
        fibre: 0,
        locked: false,
      })),
    },
  ],
});

const names = (found: CatalogueFoodOption[]) => found.map((each) => each.name);

describe("the foods a day's Add a food offers", () => {
  it("match a word's start, suited to the meal (no porridge at lunch), names starting with the query first", () => {
    const plan = { intake_data: {}, disliked_foods: [] };
    expect(names(searchAddableFoods(foods, " RICE", day([]), 0, plan))).toEqual([
      "Rice cakes, plain",
      "Rice pudding",
      "Brown rice, cooked",
      "Chicken rice bowl",
      "Wild rice, cooked",
    ]);
    expect(searchAddableFoods(foods, "", day([]), 0, plan)).toEqual([]);
  });

  it("leave out the plan's diet and allergies, disliked families and what the day has (by family too)", () => {
    const plan = {
      intake_data: { diet: ["vegetarian"], allergies: ["dairy"] },
      disliked_foods: [{ id: "4", name: "Wild rice, cooked", family: "wild rice" }],
    };
    // The day has brown rice; another food of its family would go too.
    const withFamily = [...foods, food("7", "Brown rice, raw", { family: "brown rice" })];
    expect(names(searchAddableFoods(withFamily, "rice", day(["1"]), 0, plan))).toEqual(["Rice cakes, plain"]);
  });
});
