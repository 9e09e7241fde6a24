"use client";

import { useId, useState } from "react";
import type { PlanDay } from "@/ui/api/api-types";
import type { DayEdit } from "./day-edit";

/** Most foods the search lists at once; typing more narrows them. */
const SHOWN = 8;

/**
 * A meal's "Add a food": a search over the org's catalogue (addable-foods.ts:
 * word start, suited to the meal, fitting the plan, not in the day), each
 * added at its usual portion in one request; the server checks it all again.
 */
export function AddFood({ day, mealIndex, edit }: { day: PlanDay; mealIndex: number; edit: DayEdit }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const meal = day.meals[mealIndex];
  if (!meal) return null;
  const matches = query.trim() === "" ? [] : edit.searchFoods(query, day, mealIndex).slice(0, SHOWN);

  async function add(foodId: string) {
    setError(null);
    const failure = await edit.send(
      `/api/nutrition/plans/${encodeURIComponent(edit.planId)}/days/${day.day_number}/items`,
      "POST",
      { meal_position: mealIndex, food_id: foodId },
    );
    if (failure) setError(failure);
    else {
      setQuery("");
      setOpen(false);
    }
  }

  if (!open) {
    return (
      <p className="no-print">
        <button
          type="button"
          className="link-button"
          data-testid="add-food"
          disabled={edit.busy}
          onClick={() => setOpen(true)}
        >
          Add a food to {meal.name}
        </button>
      </p>
    );
  }
  return (
    <div className="swap-panel no-print" data-testid="add-food-panel">
      <label htmlFor={inputId}>Food to add to {meal.name}</label>{" "}
      <input
        id={inputId}
        type="search"
        value={query}
        autoComplete="off"
        data-testid="add-food-search"
        onChange={(event) => setQuery(event.target.value)}
      />{" "}
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        Close
      </button>
      {error ? (
        <p className="field-error" role="alert" data-testid="add-food-error">
          {error}
        </p>
      ) : null}
      {matches.length > 0 ? (
        <ul aria-label={`Foods to add to ${meal.name}`}>
          {matches.map((food) => (
            <li key={food.id}>
              <button
                type="button"
                className="link-button"
                data-testid="add-food-choice"
                disabled={edit.busy}
                onClick={() => void add(food.id)}
              >
                {food.name}
              </button>
            </li>
          ))}
        </ul>
      ) : query.trim() === "" ? null : (
        <p className="muted">No food of the catalogue fits.</p>
      )}
    </div>
  );
}
