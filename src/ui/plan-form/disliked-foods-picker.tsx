"use client";

import { type KeyboardEvent, useState } from "react";
import type { Allergen, Diet } from "@/generation/catalogue/catalogue";
import { errorIdFor, FieldErrors, fieldAria, hintIdFor, shownErrorId } from "@/ui/form/field";
import {
  canChooseMore,
  chooseFood,
  firstChoosable,
  MAX_DISLIKED_FOODS,
  moveActive,
  searchFoods,
  unchooseFood,
} from "./disliked-foods";
import type { FoodsState } from "./use-foods";

type DislikedFoodsPickerProps = {
  /** The search input's id (focus goes there on a problem); the list, hint and errors derive theirs from it. */
  id: string;
  foods: FoodsState;
  chosenIds: readonly string[];
  diet: readonly Diet[];
  allergies: readonly Allergen[];
  onChange: (chosenIds: string[]) => void;
  errors: readonly string[] | undefined;
};

/**
 * The foods the client dislikes, chosen from the catalogue: a combobox (ARIA
 * 1.2 pattern: the input keeps focus, the arrow keys move through the listed
 * matches, Enter adds, Escape closes) and the chosen foods, each with a
 * remove button. Foods the plan leaves out anyway are listed greyed, with
 * the reason, and cannot be added.
 */
export function DislikedFoodsPicker({
  id,
  foods,
  chosenIds,
  diet,
  allergies,
  onChange,
  errors,
}: DislikedFoodsPickerProps) {
  const [query, setQuery] = useState("");
  const [closed, setClosed] = useState(false);
  // The option the arrow keys chose, or null: then Enter adds the first food that can be added.
  const [arrowed, setArrowed] = useState<number | null>(null);

  const catalogue = foods.kind === "loaded" ? foods.foods : [];
  const byId = new Map(catalogue.map((food) => [food.id, food]));
  const full = !canChooseMore(chosenIds);
  const search = searchFoods(catalogue, query, { chosenIds, diet, allergies });
  const open = !closed && !full && query.trim() !== "" && foods.kind === "loaded";
  const active = open ? (arrowed ?? firstChoosable(search.matches)) : -1;

  const listId = `${id}-options`;
  const countId = `${id}-count`;
  const optionId = (index: number) => `${id}-option-${index}`;

  function typed(text: string) {
    setQuery(text);
    setClosed(false);
    setArrowed(null);
  }

  function add(index: number) {
    const match = search.matches[index];
    if (!match || match.leftOutBecause !== null) return;
    onChange(chooseFood(chosenIds, match.food.id));
    typed("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setClosed(false);
        return;
      }
      setArrowed(moveActive(search.matches, active, event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && open) {
      // While the list is open, Enter picks a food; it never submits the form.
      event.preventDefault();
      add(active);
    } else if (event.key === "Escape") {
      if (open) setClosed(true);
      else typed("");
    }
  }

  const status = statusText(foods.kind, open, search.total, search.matches.length, full);
  const hintId = hintIdFor(id);

  return (
    <div className="field food-picker">
      <label htmlFor={id}>Foods the client dislikes</label>
      <p id={hintId} className="hint">
        Search the catalogue by name and add up to {MAX_DISLIKED_FOODS} foods. Foods of the same family are left out too
        (no salmon means no smoked salmon).
      </p>
      {chosenIds.length > 0 ? (
        <div>
          <p id={countId} className="food-picker-count">
            {chosenIds.length} of {MAX_DISLIKED_FOODS} chosen
            {full ? ": the list is full, remove a food to add another." : ""}
          </p>
          <ul className="chip-list" aria-label="Disliked foods chosen" data-testid="dislike-chosen">
            {chosenIds.map((foodId) => {
              const name = byId.get(foodId)?.name ?? "A food no longer in the catalogue";
              return (
                <li key={foodId} className="chip">
                  <span>{name}</span>
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove ${name}`}
                    onClick={() => {
                      onChange(unchooseFood(chosenIds, foodId));
                      document.getElementById(id)?.focus();
                    }}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <input
        id={id}
        data-testid="dislike-search"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={foods.kind === "loading" ? "Loading the food catalogue…" : "Type a food, e.g. mushroom"}
        disabled={foods.kind !== "loaded"}
        value={query}
        onChange={(event) => typed(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setClosed(true)}
        onFocus={() => setClosed(false)}
        {...fieldAria({ hintId, also: chosenIds.length > 0 ? [countId] : [], errorId: shownErrorId(id, errors) })}
      />
      {open && search.matches.length > 0 ? (
        <div id={listId} role="listbox" aria-label="Matching foods" className="combobox-list">
          {search.matches.map((match, index) => (
            // The input keeps focus (aria-activedescendant); the keyboard path is the input's onKeyDown.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys for its options
            <div
              key={match.food.id}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              data-testid="dislike-option"
              aria-selected={index === active}
              aria-disabled={match.leftOutBecause !== null ? true : undefined}
              className="combobox-option"
              // Keep focus in the input when an option is clicked.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(index)}
            >
              <span className="combobox-option-name">{match.food.name}</span>
              <span className="combobox-option-meta">
                {match.leftOutBecause ?? `${match.food.food_group} · ${match.food.family} family`}
              </span>
            </div>
          ))}
        </div>
      ) : null}
      {open && search.total > search.matches.length ? (
        <p className="hint">{moreText(search.total - search.matches.length)}</p>
      ) : null}
      {open && search.total === 0 ? <p className="hint">No food in the catalogue matches “{query.trim()}”.</p> : null}
      {foods.kind === "unavailable" ? (
        <p className="form-error">The food catalogue could not be loaded; reload the page to choose disliked foods.</p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>

      <FieldErrors id={errorIdFor(id)} messages={errors} />
    </div>
  );
}

function moreText(more: number): string {
  return `${more} more ${more === 1 ? "food matches" : "foods match"}; type more of the name to narrow the list.`;
}

/** What a screen reader hears as the list changes. */
function statusText(kind: FoodsState["kind"], open: boolean, total: number, shown: number, full: boolean): string {
  if (kind !== "loaded") return "";
  if (full) return `The list is full: ${MAX_DISLIKED_FOODS} foods.`;
  if (!open) return "";
  if (total === 0) return "No food matches.";
  const counted = total === 1 ? "1 food matches" : `${total} foods match`;
  return total > shown ? `${counted}, the first ${shown} listed.` : `${counted}.`;
}
