import { describe, expect, it } from "vitest";
import type { PlanItem } from "@/ui/api/api-types";
import { buildGroceryList, foodGroupLabel, formatGrams } from "@/ui/plan-view/grocery-list";

function item(food_id: string, food_name: string, food_group: string, grams: number): PlanItem {
  return {
    id: `item-${food_id}-${grams}`,
    food_id,
    food_name,
    food_group,
    grams,
    kcal: 0,
    protein: 0,
    carbs: 0,
    fat: 0,
    fibre: 0,
    locked: false,
  };
}

const oats = (grams: number) => item("oats", "Rolled oats", "breakfast", grams);
const chicken = (grams: number) => item("chicken", "Chicken breast", "protein", grams);
const tofu = (grams: number) => item("tofu", "Tofu", "protein", grams);
const rice = (grams: number) => item("rice", "Brown rice", "starch", grams);

describe("the grocery list", () => {
  it("sums each food's grams across every meal of every day", () => {
    const days = [
      {
        meals: [
          { name: "Breakfast", items: [oats(60)] },
          { name: "Lunch", items: [chicken(150), rice(80)] },
        ],
      },
      {
        meals: [
          { name: "Breakfast", items: [oats(70)] },
          { name: "Dinner", items: [chicken(120), rice(90)] },
        ],
      },
    ];
    const list = buildGroceryList(days);
    const grams = Object.fromEntries(list.flatMap((group) => group.items.map((entry) => [entry.food_id, entry.grams])));
    expect(grams).toEqual({ oats: 130, chicken: 270, rice: 170 });
  });

  it("groups foods by food group in catalogue order, foods alphabetical within a group", () => {
    const list = buildGroceryList([
      { meals: [{ name: "Dinner", items: [rice(100), tofu(100), chicken(100), oats(50)] }] },
    ]);
    expect(list.map((group) => group.food_group)).toEqual(["breakfast", "protein", "starch"]);
    expect(list[1]?.items.map((entry) => entry.food_name)).toEqual(["Chicken breast", "Tofu"]);
    expect(list[1]?.label).toBe("Protein");
  });

  it("puts food groups the catalogue does not know after the known ones, alphabetically", () => {
    const list = buildGroceryList([
      {
        meals: [
          {
            name: "Snack",
            items: [item("x", "Kombucha", "drinks", 250), item("y", "Miso", "condiment", 15), rice(50)],
          },
        ],
      },
    ]);
    expect(list.map((group) => group.food_group)).toEqual(["starch", "condiment", "drinks"]);
    expect(list[1]?.label).toBe("Condiment");
  });

  it("keeps two foods with the same name apart, because they are different catalogue entries", () => {
    const list = buildGroceryList([
      { meals: [{ name: "Lunch", items: [item("a", "Yoghurt", "dairy", 100), item("b", "Yoghurt", "dairy", 150)] }] },
    ]);
    expect(list[0]?.items).toHaveLength(2);
  });

  it("rounds the summed grams to whole grams only at the end", () => {
    const list = buildGroceryList([{ meals: [{ name: "Lunch", items: [rice(33.4), rice(33.4), rice(33.4)] }] }]);
    expect(list[0]?.items[0]?.grams).toBe(100);
  });

  it("ignores zero, negative and non-numeric amounts and is empty for a plan without days", () => {
    const list = buildGroceryList([
      { meals: [{ name: "Lunch", items: [rice(0), rice(-20), rice(Number.NaN), chicken(100)] }] },
    ]);
    expect(list.map((group) => group.food_group)).toEqual(["protein"]);
    expect(buildGroceryList([])).toEqual([]);
  });

  it("accepts grams that arrive as numeric strings from Postgres", () => {
    const list = buildGroceryList([
      { meals: [{ name: "Lunch", items: [rice("80.5" as unknown as number), rice(20)] }] },
    ]);
    expect(list[0]?.items[0]?.grams).toBe(101);
  });
});

describe("grocery amounts", () => {
  it("shows grams below a kilogram and kilograms from one kilogram up", () => {
    expect(formatGrams(850)).toBe("850 g");
    expect(formatGrams(999.4)).toBe("999 g");
    expect(formatGrams(1000)).toBe("1 kg");
    expect(formatGrams(1250)).toBe("1.25 kg");
    expect(formatGrams(2004)).toBe("2 kg");
  });

  it("labels food groups for shoppers", () => {
    expect(foodGroupLabel("starch")).toBe("Grains and starches");
    expect(foodGroupLabel("frozen_food")).toBe("Frozen food");
    expect(foodGroupLabel("")).toBe("Other");
  });
});
