import { describe, expect, it } from "vitest";
import {
  buildGroceryList,
  type GroceryDay,
  groceryListCsv,
  groceryListText,
  groceryPeriods,
  pluralUnit,
  roundUpPurchase,
} from "@/generation/grocery/grocery-list";
import type { ShoppingFacts } from "@/generation/grocery/shopping-facts";

/** Shopping facts as the seed gives them (supabase/seed.sql). */
const FACTS: Record<string, ShoppingFacts> = {
  bulgur: { buy_as: "Bulgur (dry)", aisle: "grains_pasta", cooked_yield: 4.1, count_unit: null, grams_per_unit: null },
  oatmeal: {
    buy_as: "Oats, rolled (dry)",
    aisle: "breakfast_cereals",
    cooked_yield: 5.3,
    count_unit: null,
    grams_per_unit: null,
  },
  chicken: {
    buy_as: "Chicken breast, boneless, skinless (raw)",
    aisle: "meat_fish",
    cooked_yield: 0.75,
    count_unit: null,
    grams_per_unit: null,
  },
  boiled_egg: { buy_as: "Eggs, large", aisle: "dairy_eggs", cooked_yield: 1, count_unit: "egg", grams_per_unit: 50 },
  poached_egg: { buy_as: "Eggs, large", aisle: "dairy_eggs", cooked_yield: 1, count_unit: "egg", grams_per_unit: 50 },
  rice_cake: {
    buy_as: "Brown rice cakes, plain",
    aisle: "snacks",
    cooked_yield: 1,
    count_unit: "rice cake",
    grams_per_unit: 9,
  },
  rye_bread: { buy_as: "Rye bread", aisle: "bakery", cooked_yield: 1, count_unit: "slice", grams_per_unit: 32 },
  pita: { buy_as: "White pita bread", aisle: "bakery", cooked_yield: 1, count_unit: "pita", grams_per_unit: 60 },
  tuna: {
    buy_as: "Light tuna in water (cans)",
    aisle: "canned_dried",
    cooked_yield: 1,
    count_unit: "can",
    grams_per_unit: 112,
  },
  sesame: { buy_as: "Sesame seeds", aisle: "nuts_seeds", cooked_yield: 1, count_unit: null, grams_per_unit: null },
};

function day(day_number: number, items: [food_id: string, grams: number][]): GroceryDay {
  return {
    day_number,
    meals: [
      {
        items: items.map(([food_id, grams]) => ({
          food_id,
          food_name: `eaten ${food_id}`,
          food_group: "starch",
          grams,
        })),
      },
    ],
  };
}

/** The list as "aisle: amount name" lines, the way a shopper reads it. */
function read(days: GroceryDay[], period?: { first_day: number; last_day: number }): string[] {
  return buildGroceryList(days, FACTS, period).flatMap((section) =>
    section.lines.map((line) => `${section.aisle}: ${line.amount} ${line.name}`),
  );
}

describe("the grocery list", () => {
  it("buys cooked grains dry and meat raw: the grams eaten over the food's cooked yield", () => {
    // 1,490 g of cooked oatmeal is 281 g of dry oats; 600 g of cooked bulgur 146 g dry; 450 g roast chicken 600 g raw.
    expect(
      read([
        day(1, [
          ["oatmeal", 745],
          ["bulgur", 300],
          ["chicken", 225],
        ]),
        day(2, [
          ["oatmeal", 745],
          ["bulgur", 300],
          ["chicken", 225],
        ]),
      ]),
    ).toEqual([
      "meat_fish: 600 g Chicken breast, boneless, skinless (raw)",
      "grains_pasta: 150 g Bulgur (dry)",
      "breakfast_cereals: 300 g Oats, rolled (dry)",
    ]);
  });

  it("counts what people count, rounded up to whole units, and sums foods bought under one name", () => {
    // Boiled and poached eggs are both eggs: 7 × 50 g + 5 × 50 g + a bit = 13 eggs.
    const days = [
      day(1, [
        ["boiled_egg", 350],
        ["rice_cake", 9],
        ["tuna", 150],
      ]),
      day(2, [["poached_egg", 260]]),
    ];
    expect(read(days)).toEqual([
      "dairy_eggs: 13 eggs Eggs, large",
      "canned_dried: 2 cans Light tuna in water (cans)",
      "snacks: 1 rice cake Brown rice cakes, plain",
    ]);
  });

  it("writes each counted unit's plural as a shopper reads it", () => {
    expect(["egg", "slice", "peach", "tomato", "mango", "rice cake", "box"].map(pluralUnit)).toEqual([
      "eggs",
      "slices",
      "peaches",
      "tomatoes",
      "mangoes",
      "rice cakes",
      "boxes",
    ]);
  });

  it("puts every bread in one bakery section, sorted by name", () => {
    const [bakery, ...others] = buildGroceryList(
      [
        day(1, [
          ["rye_bread", 64],
          ["pita", 90],
        ]),
      ],
      FACTS,
    );
    expect(others).toEqual([]);
    expect(bakery?.label).toBe("Bread and bakery");
    expect(bakery?.lines.map((line) => `${line.amount} ${line.name}`)).toEqual([
      "2 slices Rye bread",
      "2 pitas White pita bread",
    ]);
  });

  it("rounds weights up, never down to dust: 10 g steps under 100 g, 50 g steps above, kilograms from 1,000 g", () => {
    expect(roundUpPurchase(3, null)).toMatchObject({ amount: "10 g", grams: 10 });
    expect(roundUpPurchase(91, null)).toMatchObject({ amount: "100 g", grams: 100 });
    expect(roundUpPurchase(100.4, null)).toMatchObject({ amount: "150 g", grams: 150 });
    expect(roundUpPurchase(1_490, null)).toMatchObject({ amount: "1.5 kg", grams: 1_500 });
    expect(roundUpPurchase(2_010, null)).toMatchObject({ amount: "2.05 kg", grams: 2_050 });
    // Floating-point noise in a sum of thirds buys no extra step.
    expect(roundUpPurchase(100 / 3 + 100 / 3 + 100 / 3, null).grams).toBe(100);
    expect(read([day(1, [["sesame", 2]])])).toEqual(["nuts_seeds: 10 g Sesame seeds"]);
  });

  it("buys a food without stored facts under its own name, in its group's aisle, as eaten", () => {
    const list = buildGroceryList(
      [
        {
          day_number: 1,
          meals: [{ items: [{ food_id: "own", food_name: "Coach's granola", food_group: "breakfast", grams: 45 }] }],
        },
      ],
      FACTS,
    );
    expect(list).toEqual([
      {
        aisle: "breakfast_cereals",
        label: "Oats and cereals",
        lines: [
          {
            key: "breakfast_cereals:coach's granola",
            name: "Coach's granola",
            amount: "50 g",
            grams: 50,
            count: null,
            unit: null,
          },
        ],
      },
    ]);
  });

  it("offers one list per week for plans longer than a week, plus the whole plan", () => {
    expect(groceryPeriods(7)).toEqual([{ key: "all", label: "Whole plan", first_day: 1, last_day: 7 }]);
    expect(groceryPeriods(15).map((period) => [period.key, period.label, period.first_day, period.last_day])).toEqual([
      ["week-1", "Week 1 (days 1–7)", 1, 7],
      ["week-2", "Week 2 (days 8–14)", 8, 14],
      ["week-3", "Week 3 (day 15)", 15, 15],
      ["all", "Whole plan (15 days)", 1, 15],
    ]);
    const days = Array.from({ length: 14 }, (_, index) => day(index + 1, [["boiled_egg", 100]]));
    expect(read(days, { first_day: 8, last_day: 14 })).toEqual(["dairy_eggs: 14 eggs Eggs, large"]);
    expect(read(days)).toEqual(["dairy_eggs: 28 eggs Eggs, large"]);
  });

  it("exports the same list as plain text and CSV", () => {
    const list = buildGroceryList(
      [
        day(1, [
          ["boiled_egg", 100],
          ["bulgur", 300],
        ]),
      ],
      FACTS,
    );
    expect(groceryListText("Grocery list: week 1", list)).toBe(
      [
        "Grocery list: week 1",
        "",
        "DAIRY, EGGS AND CHILLED",
        "[ ] 2 eggs       Eggs, large",
        "",
        "RICE, GRAINS AND PASTA",
        "[ ] 80 g         Bulgur (dry)",
        "",
      ].join("\n"),
    );
    expect(groceryListCsv(list).split("\r\n")).toEqual([
      "Aisle,Item,Amount,Count,Unit,Grams",
      '"Dairy, eggs and chilled","Eggs, large",2 eggs,2,egg,100',
      '"Rice, grains and pasta",Bulgur (dry),80 g,,,80',
      "",
    ]);
  });
});
