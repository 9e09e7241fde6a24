import type { SharedPlan } from "@/server/share-links";
import { DayCard } from "./day-card";
import { formatKcal } from "./format-numbers";
import { GroceryListSection } from "./grocery-list-section";
import { KcalChart } from "./kcal-chart";
import { MacroChart } from "./macro-chart";
import { PrintButton } from "./print-button";

/** The plan as its client sees it through a share link: read-only, no coach controls, printable. */
export function SharedPlanView({ plan }: { plan: SharedPlan }) {
  const expires = new Date(plan.expires_at).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" });
  return (
    <article className="plan-page stack-large" data-testid="shared-plan">
      <header className="plan-header">
        <h1>{plan.name}</h1>
      </header>
      <p className="muted">
        {plan.plan_length_days} {plan.plan_length_days === 1 ? "day" : "days"}
        {plan.targets ? <> · {formatKcal(plan.targets.kcal)} per day</> : null} · shared by your coach; this link works
        until {expires}.
      </p>
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
            <DayCard key={day.day_number} day={day} targets={plan.targets} />
          ))}
        </div>
      </section>
      <GroceryListSection days={plan.days} />
    </article>
  );
}
