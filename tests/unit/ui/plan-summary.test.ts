import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PlanDetail } from "@/server/plan-detail";
import { PlanSummary } from "@/ui/plan-view/plan-summary";

function plan(intake_data: Record<string, unknown>): PlanDetail {
  return {
    id: "plan-1",
    name: "Week",
    client_id: null,
    client_name: null,
    start_date: null,
    client_title: null,
    plan_length_days: 7,
    intake_data,
    generation_status: "complete",
    generation_error: null,
    generation_model: null,
    progress: {},
    day_regeneration: null,
    targets: null,
    disliked_foods: [],
    days: [],
    shopping: {},
    created_at: "2026-12-06T00:00:00Z",
    updated_at: "2026-12-06T00:00:00Z",
  };
}

const render = (intake: Record<string, unknown>) =>
  renderToStaticMarkup(createElement(PlanSummary, { plan: plan(intake) }));

describe("the plan's brief", () => {
  it("shows the week's food bound and leftovers as the coach set them", () => {
    const html = render({ foods_per_week: 25, leftovers: true });
    expect(html).toContain("<dt>Foods per week</dt><dd>At most 25</dd>");
    expect(html).toContain("<dt>Leftovers</dt><dd>Dinner repeats as next day&#x27;s lunch</dd>");
  });

  it("says nothing of them for a plan made without them, or without leftovers", () => {
    const html = render({ leftovers: false });
    expect(html).not.toContain("Foods per week");
    expect(html).not.toContain("Leftovers");
  });
});
