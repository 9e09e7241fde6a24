import type { ReactNode } from "react";
import { DAYS_PER_WEEK, dayLabel, planWeeks, weekLabel } from "@/generation/calendar/plan-calendar";
import type { PlanDay, PlanDetail } from "@/ui/api/api-types";
import { DayCard } from "./day-card";
import type { DayEdit } from "./day-edit";
import { GroceryListSection } from "./grocery-list-section";
import { KcalChart } from "./kcal-chart";
import { MacroChart } from "./macro-chart";
import { PrintButton } from "./print-button";
import { WeekTabs } from "./week-tabs";

type PlanBodyProps = {
  plan: Pick<PlanDetail, "days" | "targets" | "start_date" | "shopping" | "plan_length_days">;
  /** Where the plan's PDF downloads from (the coach's route, or the share link's); null: no PDF offered. */
  pdfHref: string | null;
  /** Names the grocery list's ticks in this browser (the plan's id, or a share link's digest). */
  storageKey: string;
  /** The coach's controls for a day; absent on the client's read-only shared page. */
  editFor?: (day: PlanDay) => DayEdit;
  /** What follows the grocery list (the coach's share panel). */
  children?: ReactNode;
};

/**
 * A plan's days as the coach and the client both see them: the PDF download
 * and print buttons, the calorie and macro charts, a card a day (labelled
 * with its weekday and date when the plan has a start date; a plan longer
 * than a week read a week at a time, in tabs) and the grocery list.
 */
export function PlanBody({ plan, pdfHref, storageKey, editFor, children }: PlanBodyProps) {
  const card = (day: PlanDay) => (
    <DayCard
      key={day.day_number}
      day={day}
      label={dayLabel(day.day_number, plan.start_date)}
      targets={plan.targets}
      edit={editFor?.(day)}
    />
  );
  const weeks = planWeeks(Math.max(plan.plan_length_days, plan.days.at(-1)?.day_number ?? 0)).map((week) => ({
    ...week,
    days: plan.days.filter((day) => day.day_number >= week.firstDay && day.day_number <= week.lastDay),
  }));
  return (
    <>
      <div className="button-row no-print">
        {pdfHref ? (
          <a className="button" href={pdfHref} download data-testid="download-pdf">
            Download PDF
          </a>
        ) : null}
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
        {weeks.length > 1 && plan.days.length > DAYS_PER_WEEK ? (
          <WeekTabs
            planLengthDays={plan.plan_length_days}
            weeks={weeks.map((week) => ({
              week: week.week,
              label: weekLabel(week, plan.start_date),
              days: week.days.map((day) => ({
                dayNumber: day.day_number,
                label: dayLabel(day.day_number, plan.start_date, true),
              })),
            }))}
            panels={weeks.map((week) => (
              <div className="day-grid" key={week.week}>
                {week.days.map(card)}
              </div>
            ))}
          />
        ) : (
          <div className="day-grid">{plan.days.map(card)}</div>
        )}
      </section>

      <GroceryListSection
        days={plan.days}
        shopping={plan.shopping}
        planLengthDays={plan.plan_length_days}
        storageKey={storageKey}
      />

      {children}
    </>
  );
}
