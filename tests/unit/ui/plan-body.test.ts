import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PlanDetail } from "@/server/plan-detail";
import { PlanBody } from "@/ui/plan-view/plan-body";

function plan(days: number): Pick<PlanDetail, "days" | "targets" | "shopping" | "plan_length_days" | "start_date"> {
  return {
    plan_length_days: days,
    start_date: null,
    targets: null,
    shopping: {},
    days: Array.from({ length: days }, (_, index) => ({
      day_number: index + 1,
      totals: { kcal: 2000, protein: 150, carbs: 200, fat: 70 },
      kcal_off_target_pct: null,
      macro_miss: null,
      meal_misses: null,
      last_edit: null,
      meals: [
        {
          name: "Breakfast",
          title: "Eggs on toast",
          preparation: null,
          items: [
            {
              id: `item-${index}`,
              food_id: "egg",
              food_name: "Egg, whole, hard-boiled",
              food_group: "protein",
              grams: 100,
              kcal: 155,
              protein: 12.6,
              carbs: 1.1,
              fat: 10.6,
              fibre: 0,
              locked: false,
            },
          ],
        },
      ],
    })),
  };
}

const render = (days: number, pdfHref: string | null) =>
  renderToStaticMarkup(createElement(PlanBody, { plan: plan(days), pdfHref, storageKey: "plan-1" }));

describe("a plan's body", () => {
  it("offers the PDF where it has one to offer, and no PDF button otherwise", () => {
    expect(render(1, "/shared/abc/pdf")).toContain('href="/shared/abc/pdf" download=""');
    expect(render(1, null)).not.toContain("Download PDF");
  });

  it("offers a grocery list per week past seven days, the first week first", () => {
    const markup = render(8, null);
    expect(markup).toContain("Grocery list: Week 1 (days 1–7)");
    expect(markup).toContain('<option value="week-2">Week 2 (day 8)</option>');
    expect(render(7, null)).not.toContain("<select");
  });
});
