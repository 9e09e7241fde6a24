import type { ReactNode } from "react";
import type { PlanDay, PlanDetail } from "@/ui/api/api-types";
import { DayCard } from "./day-card";
import type { DayEdit } from "./day-edit";
import { GroceryListSection } from "./grocery-list-section";
import { KcalChart } from "./kcal-chart";
import { MacroChart } from "./macro-chart";
import { PrintButton } from "./print-button";

type PlanBodyProps = {
  plan: Pick<PlanDetail, "days" | "targets">;
  /** The coach's controls for a day; absent on the client's read-only shared page. */
  editFor?: (day: PlanDay) => DayEdit;
  /** What follows the grocery list (the coach's share panel). */
  children?: ReactNode;
};

/**
 * A plan's days as the coach and the client both see them: the print button,
 * the calorie and macro charts, a card a day and the grocery list.
 */
export function PlanBody({ plan, editFor, children }: PlanBodyProps) {
  return (
    <>
      <div className="button-row no-print">
        <PrintButton label="Print the plan and grocery list" />
      </div>

      <section aria-labelledby="overview-heading" className="overview">
        <h2 id="overview-heading">Overview</h2>
        <div className="chart-grid">
          <KcalChart days={plan.days} targetKcal={plan.targets?.kcal ?? null} />
          <MacroChart days={plan.days} targets={plan.targets} />
        </div>
      </section>

      <section aria-labelledby="days-heading">
        <h2 id="days-heading">Days</h2>
        <div className="day-grid">
          {plan.days.map((day) => (
            <DayCard key={day.day_number} day={day} targets={plan.targets} edit={editFor?.(day)} />
          ))}
        </div>
      </section>

      <GroceryListSection days={plan.days} />

      {children}
    </>
  );
}
