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
