import type { DraftDay } from "@/generation/drafts/draft-day";
import { formatKcal } from "./format-numbers";

type DraftDaysProps = {
  days: ReadonlyMap<number, DraftDay>;
  /** The coach cancelled the run that drafted them. */
  stopped: boolean;
};

/**
 * The days the running generation has drafted, in day order, as they come:
 * foods and grams as the model answered them and the checks passed them,
 * before the plan is scaled, de-duplicated and balanced, so each card says it
 * is a draft and has no controls. The saved plan's days replace them.
 */
export function DraftDays({ days, stopped }: DraftDaysProps) {
  if (days.size === 0) return null;
  const ordered = [...days.values()].sort((a, b) => a.day_number - b.day_number);
  const label = stopped ? "Stopped" : "Draft";
  return (
    <section aria-labelledby="draft-days-heading" className="draft-days" data-testid="draft-days">
      <h2 id="draft-days-heading">{stopped ? "Days drafted before you cancelled" : "Days drafted so far"}</h2>
      <p className="muted">
        {stopped
          ? "Generation was cancelled; these drafts were never balanced or saved and go when you leave or generate again."
          : "Foods and grams as planned, before portions are scaled, repeats removed and each day balanced; the finished days replace them."}
      </p>
      <div className="day-grid">
        {ordered.map((day) => (
          <article
            key={day.day_number}
            className="day-card day-card-draft"
            data-testid="draft-day"
            aria-labelledby={`draft-day-${day.day_number}-heading`}
          >
            <header className="day-card-header">
              <h3 id={`draft-day-${day.day_number}-heading`}>
                Day {day.day_number} <span className="status-badge status-draft">{label}</span>
              </h3>
              <p className="day-card-kcal">
                <strong>{formatKcal(day.totals.kcal)}</strong> as drafted
              </p>
            </header>
            {day.meals.map((meal) => (
              <section key={meal.name} className="meal">
                <h4>
                  {meal.name}
                  {meal.title ? <span className="muted"> · {meal.title}</span> : null}
                </h4>
                <ul>
                  {meal.items.map((item) => (
                    <li key={item.food_id}>
                      {item.name} · {Math.round(item.grams)} g
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </article>
        ))}
      </div>
    </section>
  );
}
