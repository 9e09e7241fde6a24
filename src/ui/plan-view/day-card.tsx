import { servedFoodName } from "@/generation/meals/served-name";
import { macroTargetGrams } from "@/generation/nutrition/macros";
import type { PlanDay, PlanDetail, PlanMeal } from "@/ui/api/api-types";
import { AddFood } from "./add-food";
import { type DayEdit, phaseWords } from "./day-edit";
import { describeOffTarget, formatKcal, formatMacroGrams, isNearTarget } from "./format-numbers";
import { EditableItemRows } from "./item-edit";

/** What Undo would take back, in the button's words. */
const UNDO_LABELS: Record<NonNullable<PlanDay["last_edit"]>, string> = {
  grams: "Undo grams",
  add: "Undo add",
  remove: "Undo remove",
  move: "Undo move",
  lock: "Undo lock",
  unlock: "Undo unlock",
  rebalance: "Undo rebalance",
  swap: "Undo swap",
  "regenerate-meal": "Undo meal regeneration",
};

type DayCardProps = {
  day: PlanDay;
  /** The day's heading: "Day 3", or with the plan's start date "Day 3 · Wednesday 9 December". */
  label?: string;
  targets: PlanDetail["targets"];
  edit?: DayEdit;
};

/**
 * One day: its totals against the target (and, when the balance step could
 * not meet them, how the day misses the split and which meal rules it
 * misses), then each meal: its slot, its dish title and preparation, and its
 * foods with grams and macros.
 */
export function DayCard({ day, label, targets, edit }: DayCardProps) {
  const targetKcal = targets?.kcal ?? null;
  const targetGrams = targets ? macroTargetGrams(targets.kcal, targets.macro_split) : null;
  const headingId = `day-${day.day_number}-heading`;
  const difference = describeOffTarget(day.kcal_off_target_pct);
  const nearTarget = isNearTarget(day.kcal_off_target_pct);

  return (
    <article className="day-card" data-testid="day-card" id={`day-${day.day_number}`} aria-labelledby={headingId}>
      <header className="day-card-header">
        <h3 id={headingId}>{label ?? `Day ${day.day_number}`}</h3>
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
          <MacroTotal label="Fibre" grams={dayFibre(day)} targetGrams={undefined} />
        </ul>
        {day.macro_miss ? <MacroMissNote dayNumber={day.day_number} miss={day.macro_miss} /> : null}
        {day.meal_misses && day.meal_misses.length > 0 ? (
          <MealMissesNote dayNumber={day.day_number} misses={day.meal_misses} />
        ) : null}
        {edit ? (
          <div className="day-card-actions no-print">
            <button
              type="button"
              className="button button-small"
              data-testid="regenerate-day"
              onClick={() => edit.onRegenerate(day.day_number)}
              disabled={edit.busy}
            >
              {edit.regeneratingPhase === null ? `Regenerate day ${day.day_number}` : "Regenerating…"}
            </button>
            <DayEditButtons day={day} edit={edit} />
            <p className="muted" role="status" aria-live="polite" data-testid="regenerate-status">
              {edit.regeneratingPhase === null ? "" : `Regenerating day ${day.day_number}: ${edit.regeneratingPhase}.`}
            </p>
            {edit.failure && edit.failedMeal === null ? (
              <p className="field-error" role="alert" data-testid="regenerate-error">
                {edit.failure}
              </p>
            ) : null}
          </div>
        ) : null}
      </header>
      {day.meals.map((meal, index) => (
        <MealTable
          // biome-ignore lint/suspicious/noArrayIndexKey: meal names may repeat in a day (two snacks); the list is read-only and never reorders
          key={`${index}-${meal.name}`}
          meal={meal}
          mealIndex={index}
          day={day}
          edit={edit}
        />
      ))}
    </article>
  );
}

/** The day's fibre: the sum of its items' (each from the catalogue's fibre per 100 g). */
function dayFibre(day: PlanDay): number {
  return day.meals.reduce((sum, meal) => sum + meal.items.reduce((total, item) => total + item.fibre, 0), 0);
}

/** Rebalance the rest of the day (locked items stay), and undo the newest edit. */
function DayEditButtons({ day, edit }: { day: PlanDay; edit: DayEdit }) {
  const dayPath = `/api/nutrition/plans/${encodeURIComponent(edit.planId)}/days/${day.day_number}`;
  return (
    <>
      <button
        type="button"
        className="button button-small"
        data-testid="rebalance-day"
        disabled={edit.busy}
        onClick={() => void edit.send(`${dayPath}/rebalance`, "POST", {})}
      >
        Rebalance the rest of the day
      </button>
      {day.last_edit ? (
        <button
          type="button"
          className="button button-small"
          data-testid="undo-edit"
          disabled={edit.busy}
          onClick={() => void edit.send(`${dayPath}/undo`, "POST", {})}
        >
          {UNDO_LABELS[day.last_edit]}
        </button>
      ) : null}
    </>
  );
}

/** Shown when the day's foods could not reach the split: which macros are off, by how many points, and why. */
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
      Off the macro split ({described.join(", ")}): {miss.reason ?? "this day's foods cannot reach it"}; check this day
    </p>
  );
}

/** One meal rule the day misses, as the note lists it: "Lunch: no vegetable of at least 75 g: none suits lunch". */
export function describeMealMiss(miss: NonNullable<PlanDay["meal_misses"]>[number]): string {
  return `${miss.meal}: ${miss.text}${miss.why ? `: ${miss.why}` : ""}`;
}

/** Shown when meals could not meet their pattern with the foods the plan may use: which meal, which rule, and why. */
function MealMissesNote({ dayNumber, misses }: { dayNumber: number; misses: NonNullable<PlanDay["meal_misses"]> }) {
  const headingId = `day-${dayNumber}-meal-misses`;
  return (
    <div className="target-off meal-misses" data-testid="meal-misses">
      <p id={headingId}>Meals off their pattern; check this day:</p>
      <ul aria-labelledby={headingId}>
        {misses.map((miss, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a meal may miss the same rule twice (two snacks); the list never reorders
          <li key={index}>{describeMealMiss(miss)}</li>
        ))}
      </ul>
    </div>
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

function MealTable({
  meal,
  mealIndex,
  day,
  edit,
}: {
  meal: PlanMeal;
  mealIndex: number;
  day: PlanDay;
  edit: DayEdit | undefined;
}) {
  const dayNumber = day.day_number;
  const sum = (key: "kcal" | "protein" | "carbs" | "fat") => meal.items.reduce((total, item) => total + item[key], 0);
  const kcal = (
    <span className="muted" data-testid="meal-totals">
      · {formatKcal(sum("kcal"))} · P {formatMacroGrams(sum("protein"))} · C {formatMacroGrams(sum("carbs"))} · F{" "}
      {formatMacroGrams(sum("fat"))}
    </span>
  );
  return (
    <section className="meal">
      {meal.title ? (
        // The dish is what a client reads first; the slot and its energy sit above it.
        <>
          <p className="meal-slot">
            {meal.name} {kcal}
          </p>
          <h4 className="meal-heading" data-testid="meal-title">
            {meal.title}
          </h4>
        </>
      ) : (
        // A meal saved before meals had titles: its slot is its heading.
        <h4 className="meal-heading">
          {meal.name} {kcal}
        </h4>
      )}
      {meal.preparation ? (
        <p className="meal-preparation" data-testid="meal-preparation">
          {meal.preparation}
        </p>
      ) : null}
      {edit ? <RegenerateMeal meal={meal.name} day={dayNumber} edit={edit} /> : null}
      <table className="meal-table">
        <caption className="visually-hidden">
          Day {dayNumber}, {meal.name}
          {meal.title ? ` (${meal.title})` : ""}: foods, amounts and macros
        </caption>
        <thead>
          <tr>
            <th scope="col">Food</th>
            <ColumnHeading long="Amount" short="g" />
            <ColumnHeading long="kcal" short="kcal" />
            <ColumnHeading long="Protein" short="P" />
            <ColumnHeading long="Carbs" short="C" />
            <ColumnHeading long="Fat" short="F" />
            {edit ? (
              <th scope="col" className="no-print">
                <span className="visually-hidden">Edit</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {meal.items.map((item, index) => {
            const cells = (
              <>
                <th scope="row" className="food-name">
                  {edit ? (
                    // The coach works with the catalogue's names; paper is the client's copy.
                    <>
                      <span className="no-print">{item.food_name}</span>
                      <span className="print-only">{servedFoodName({ name: item.food_name })}</span>
                    </>
                  ) : (
                    servedFoodName({ name: item.food_name })
                  )}
                  {item.locked ? <span className="muted no-print"> (locked)</span> : null}
                </th>
                <td>{formatMacroGrams(item.grams)}</td>
                <td>{Math.round(item.kcal)}</td>
                <td>{formatMacroGrams(item.protein)}</td>
                <td>{formatMacroGrams(item.carbs)}</td>
                <td>{formatMacroGrams(item.fat)}</td>
              </>
            );
            // A food may appear twice in a meal and rows never reorder, so position is part of the key.
            const key = `${index}-${item.food_id}`;
            return edit ? (
              <EditableItemRows
                key={key}
                planId={edit.planId}
                item={item}
                mealNames={day.meals.map((each) => each.name)}
                mealIndex={mealIndex}
                disabled={edit.busy}
                send={edit.send}
                columns={7}
              >
                {cells}
              </EditableItemRows>
            ) : (
              <tr key={key}>{cells}</tr>
            );
          })}
        </tbody>
      </table>
      {edit ? <AddFood day={day} mealIndex={mealIndex} edit={edit} /> : null}
    </section>
  );
}

/**
 * Regenerate one meal: the other meals and the locked foods stay; the button
 * waits while any run or edit holds the plan; progress and failure in a
 * coach's words, by the meal.
 */
function RegenerateMeal({ meal, day, edit }: { meal: string; day: number; edit: DayEdit }) {
  const running = edit.regeneratingMeal?.meal === meal ? edit.regeneratingMeal : null;
  return (
    <div className="meal-actions no-print">
      <button
        type="button"
        className="button button-small"
        data-testid="regenerate-meal"
        onClick={() => edit.onRegenerate(day, meal)}
        disabled={edit.busy}
      >
        {running ? "Regenerating…" : `Regenerate ${meal.toLowerCase()}`}
      </button>
      <span className="muted" role="status" aria-live="polite" data-testid="regenerate-meal-status">
        {running ? `New ${meal.toLowerCase()}: ${phaseWords(running.phase)}.` : ""}
      </span>
      {edit.failure && edit.failedMeal === meal ? (
        <p className="field-error" role="alert" data-testid="regenerate-meal-error">
          {meal} could not be regenerated: {edit.failure}
        </p>
      ) : null}
    </div>
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
