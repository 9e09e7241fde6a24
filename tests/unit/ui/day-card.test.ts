import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PlanDay } from "@/server/plan-detail";
import { DayCard } from "@/ui/plan-view/day-card";

function day(overrides: Partial<PlanDay> = {}): PlanDay {
  return {
    day_number: 5,
    totals: { kcal: 2010, protein: 80, carbs: 300, fat: 60 },
    kcal_off_target_pct: 0.5,
    macro_miss: null,
    meal_misses: null,
    meals: [],
    last_edit: null,
    ...overrides,
  };
}

const targets = { kcal: 2000, macro_split: { protein_pct: 30, carb_pct: 40, fat_pct: 30 } };
const render = (planDay: PlanDay) => renderToStaticMarkup(createElement(DayCard, { day: planDay, targets }));

describe("a day card", () => {
  it("says nothing about the split when the day is on it", () => {
    expect(render(day())).not.toContain("macro-miss");
  });

  it("shows beside the day which macros miss the split, and by how many points", () => {
    const html = render(day({ macro_miss: { protein_pts: -14.2, carb_pts: 13.9, fat_pts: 0.3 } }));
    expect(html).toContain('data-testid="macro-miss"');
    expect(html).toContain("protein −14.2 pts");
    expect(html).toContain("carbohydrate +13.9 pts");
    expect(html).not.toContain("fat +0.3");
  });

  it("says why the day misses, in the words the balance step saved", () => {
    const reason = "no food this plan may use has 45 % of its energy from protein (the richest, Tofu, has 43 %)";
    const html = render(day({ macro_miss: { protein_pts: -9, carb_pts: 6, fat_pts: 3, reason } }));
    expect(html).toContain(reason);
  });
});

const item = {
  id: "item-1",
  food_id: "food-1",
  food_name: "Chicken breast, meat only, roasted",
  food_group: "protein",
  grams: 150,
  kcal: 248,
  protein: 46,
  carbs: 0,
  fat: 5,
  fibre: 0,
  locked: false,
};

describe("a meal on the day card", () => {
  const lunch = {
    name: "Lunch",
    title: "Chicken breast with rice and broccoli",
    preparation: "Cook the chicken breast; serve with the rice and broccoli.",
    items: [item],
  };

  it("shows its slot, then its dish title as the heading, its preparation under it, then its foods", () => {
    const html = render(day({ meals: [lunch] }));
    const slot = html.indexOf(">Lunch <");
    const title = html.indexOf('data-testid="meal-title"');
    const preparation = html.indexOf('data-testid="meal-preparation"');
    // Read-only (the client's copy): the food as a person says it, weighed cooked, not the catalogue's name.
    const food = html.indexOf(">Chicken breast (cooked)<");
    expect(html).not.toContain("meat only");
    expect(slot).toBeGreaterThan(-1);
    expect(food).toBeGreaterThan(-1);
    expect([slot, title, preparation, food]).toEqual([...[slot, title, preparation, food]].sort((a, b) => a - b));
    expect(html).toMatch(
      /<h4 class="meal-heading" data-testid="meal-title">Chicken breast with rice and broccoli<\/h4>/,
    );
    expect(html).toContain("Cook the chicken breast; serve with the rice and broccoli.");
  });

  it("shows each meal's energy, protein, carbs and fat in its header, and the day's fibre", () => {
    const rice = { ...item, id: "item-2", food_id: "food-2", kcal: 200, protein: 4.2, carbs: 44, fat: 0.5, fibre: 1.6 };
    const html = render(day({ meals: [{ ...lunch, items: [{ ...item, fibre: 0.4 }, rice] }] }));
    expect(html).toMatch(/data-testid="meal-totals">· 448 kcal · P 50 g · C 44 g · F 6 g/);
    expect(html).toMatch(/Fibre <strong>2 g<\/strong>/);
  });

  it("is headed by its slot, with no title or preparation, when it was saved without them", () => {
    const html = render(day({ meals: [{ name: "Dinner", title: null, preparation: null, items: [item] }] }));
    expect(html).toMatch(/<h4 class="meal-heading">Dinner /);
    expect(html).not.toContain("meal-title");
    expect(html).not.toContain("meal-preparation");
  });
});

describe("a day whose meals miss their pattern", () => {
  it("lists each miss as the meal, the rule's text and why", () => {
    const html = render(
      day({
        meal_misses: [
          {
            meal: "Lunch",
            rule: "vegetable",
            text: "no vegetable of at least 75 g",
            why: "no vegetable this plan may use suits lunch",
          },
          { meal: "Snack", rule: "snack-substance", text: "only drink" },
        ],
      }),
    );
    expect(html).toContain('data-testid="meal-misses"');
    expect(html).toContain("<li>Lunch: no vegetable of at least 75 g: no vegetable this plan may use suits lunch</li>");
    expect(html).toContain("<li>Snack: only drink</li>");
  });

  it("says nothing about meal rules when every meal meets its pattern", () => {
    expect(render(day())).not.toContain("meal-misses");
    expect(render(day({ meal_misses: [] }))).not.toContain("meal-misses");
  });
});
