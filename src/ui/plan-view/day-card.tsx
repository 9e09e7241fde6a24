import { macroTargetGrams } from "@/generation/nutrition/macros";
import type { PlanDay, PlanDetail, PlanMeal } from "@/ui/api/api-types";
import { describeOffTarget, formatKcal, formatMacroGrams, isNearTarget } from "./format-numbers";

type DayCardProps = { day: PlanDay; targets: PlanDetail["targets"] };

/** One day: its totals against the target, then each meal's foods with grams and macros. */
export function DayCard({ day, targets }: DayCardProps) {
  const targetKcal = targets?.kcal ?? null;
  const targetGrams = targets ? macroTargetGrams(targets.kcal, targets.macro_split) : null;
  const headingId = `day-${day.day_number}-heading`;
  const difference = describeOffTarget(day.kcal_off_target_pct);
  const nearTarget = isNearTarget(day.kcal_off_target_pct);

  return (
    <article className="day-card" data-testid="day-card" aria-labelledby={headingId}>
      <header className="day-card-header">
        <h3 id={headingId}>Day {day.day_number}</h3>
        <p className="day-card-kcal">
          <strong>{formatKcal(day.totals.kcal)}</strong>
          {targetKcal ? <> of {formatKcal(targetKcal)} target</> : null}
          {difference ? (
            <span className={nearTarget ? "target-ok" : "target-off"}>
              {" "}
              ({difference}
              {nearTarget ? "" : ", check this day"})
            </span>
          ) : null}
        </p>
        <ul className="day-card-macros" aria-label={`Day ${day.day_number} macros`}>
          <MacroTotal label="Protein" grams={day.totals.protein} targetGrams={targetGrams?.protein} />
          <MacroTotal label="Carbohydrate" grams={day.totals.carbs} targetGrams={targetGrams?.carbs} />
          <MacroTotal label="Fat" grams={day.totals.fat} targetGrams={targetGrams?.fat} />
        </ul>
        {day.macro_miss ? <MacroMissNote dayNumber={day.day_number} miss={day.macro_miss} /> : null}
      </header>
      {day.meals.map((meal, index) => (
        <MealTable
          // biome-ignore lint/suspicious/noArrayIndexKey: meal names may repeat in a day (two snacks); the list is read-only and never reorders
          key={`${index}-${meal.name}`}
          meal={meal}
          dayNumber={day.day_number}
        />
      ))}
    </article>
  );
}

/** Shown when the day's foods could not reach the split: which macros are off, and by how many points. */
function MacroMissNote({ dayNumber, miss }: { dayNumber: number; miss: NonNullable<PlanDay["macro_miss"]> }) {
  const parts = [
    ["protein", miss.protein_pts],
    ["carbohydrate", miss.carb_pts],
    ["fat", miss.fat_pts],
  ] as const;
  const described = parts
    .filter(([, points]) => Math.abs(points) >= 0.5)
    .map(([name, points]) => `${name} ${points > 0 ? "+" : "−"}${Math.abs(points).toFixed(1)} pts`);
  return (
    <p className="target-off" data-testid="macro-miss" id={`day-${dayNumber}-macro-miss`}>
      Off the macro split ({described.join(", ")}): this day's foods cannot reach it, check this day
    </p>
  );
}

function MacroTotal({ label, grams, targetGrams }: { label: string; grams: number; targetGrams: number | undefined }) {
  return (
    <li>
      {label} <strong>{formatMacroGrams(grams)}</strong>
      {targetGrams === undefined ? null : <span className="muted"> of {formatMacroGrams(targetGrams)}</span>}
    </li>
  );
}

function MealTable({ meal, dayNumber }: { meal: PlanMeal; dayNumber: number }) {
  const mealKcal = meal.items.reduce((sum, item) => sum + item.kcal, 0);
  return (
    <section className="meal">
      <h4 className="meal-heading">
        {meal.name} <span className="muted">· {formatKcal(mealKcal)}</span>
      </h4>
      <table className="meal-table">
        <caption className="visually-hidden">
          Day {dayNumber}, {meal.name}: foods, amounts and macros
        </caption>
        <thead>
          <tr>
            <th scope="col">Food</th>
            <ColumnHeading long="Amount" short="g" />
            <ColumnHeading long="kcal" short="kcal" />
            <ColumnHeading long="Protein" short="P" />
            <ColumnHeading long="Carbs" short="C" />
            <ColumnHeading long="Fat" short="F" />
          </tr>
        </thead>
        <tbody>
          {meal.items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a food may appear twice in a meal; the rows are read-only and never reorder
            <tr key={`${index}-${item.food_id}`}>
              <th scope="row" className="food-name">
                {item.food_name}
              </th>
              <td>{formatMacroGrams(item.grams)}</td>
              <td>{Math.round(item.kcal)}</td>
              <td>{formatMacroGrams(item.protein)}</td>
              <td>{formatMacroGrams(item.carbs)}</td>
              <td>{formatMacroGrams(item.fat)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A numeric column: the full word for screen readers always; on screen the word, or a letter where it is too narrow. */
function ColumnHeading({ long, short }: { long: string; short: string }) {
  if (long === short) return <th scope="col">{long}</th>;
  return (
    <th scope="col">
      <span className="visually-hidden">{long}</span>
      <span className="column-long" aria-hidden="true">
        {long}
      </span>
      <span className="column-short" aria-hidden="true">
        {short}
      </span>
    </th>
  );
}
