"use client";

import { type ReactNode, useId, useState } from "react";
import { formatGrams } from "@/generation/grocery/grocery-list";
import type { PlanItem } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import type { SendEdit } from "./day-edit";
import { formatMacroGrams } from "./format-numbers";

type Alternative = Pick<PlanItem, "food_id" | "food_name" | "grams" | "kcal" | "protein" | "carbs" | "fat">;

type ItemEditProps = {
  planId: string;
  item: PlanItem;
  /** The day's meal names, in order, and which one holds the item (for Move). */
  mealNames: readonly string[];
  mealIndex: number;
  disabled: boolean;
  send: SendEdit;
  /** The item's own cells (food, grams, macros). */
  children: ReactNode;
  /** Columns of the table, so the edit row spans it. */
  columns: number;
};

/**
 * An item's table row with an Edit button, and below it (while open) a row
 * the table's full width with the item's edits: its grams, lock, move to
 * another meal, remove, and the foods that may replace it (the same role on
 * the plate, suited to the meal, fitting the plan, not already in the day;
 * closest macros first), each with the grams it would come at ("Tofu, firm ·
 * 180 g"). Each edit is one request; the day shows the server's answer.
 */
export function EditableItemRows({
  planId,
  item,
  mealNames,
  mealIndex,
  disabled,
  send,
  children,
  columns,
}: ItemEditProps) {
  const [open, setOpen] = useState(false);
  const [alternatives, setAlternatives] = useState<Alternative[] | null>(null);
  const [grams, setGrams] = useState(String(item.grams));
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const itemPath = `/api/nutrition/plans/${encodeURIComponent(planId)}/items/${encodeURIComponent(item.id)}`;

  async function toggle() {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setError(null);
    setAlternatives(null);
    setGrams(String(item.grams));
    const result = await fetchJson<{ alternatives: Alternative[] }>(`${itemPath}/alternatives`);
    if (result.ok) setAlternatives(result.data.alternatives);
    else setError(result.error);
  }

  async function edit(path: string, method: "POST" | "PATCH" | "DELETE", body?: unknown, close = true) {
    setError(null);
    const failure = await send(path, method, body);
    if (failure) setError(failure);
    else if (close) setOpen(false);
  }

  return (
    <>
      <tr data-testid="plan-item" data-locked={item.locked ? "true" : undefined}>
        {children}
        <td className="no-print">
          <button
            type="button"
            className="button button-small"
            data-testid="swap-item"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={`Edit ${item.food_name}`}
            onClick={() => void toggle()}
            disabled={disabled}
          >
            Edit
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="no-print">
          <td colSpan={columns} className="item-edit-cell">
            <div id={panelId} className="swap-panel item-edit" data-testid="item-edit">
              {error ? (
                <p className="field-error" role="alert" data-testid="edit-error">
                  {error}
                </p>
              ) : null}
              <form
                className="item-edit-row"
                onSubmit={(event) => {
                  event.preventDefault();
                  void edit(itemPath, "PATCH", { grams: Number(grams) });
                }}
              >
                <label>
                  Grams{" "}
                  <input
                    type="number"
                    inputMode="decimal"
                    min={1}
                    step={1}
                    value={grams}
                    onChange={(event) => setGrams(event.target.value)}
                    data-testid="item-grams"
                  />
                </label>
                <button type="submit" className="button button-small" disabled={disabled} data-testid="set-grams">
                  Set
                </button>
              </form>
              <div className="item-edit-row">
                <button
                  type="button"
                  className="button button-small"
                  disabled={disabled}
                  data-testid="lock-item"
                  aria-pressed={item.locked}
                  onClick={() => void edit(itemPath, "PATCH", { locked: !item.locked }, false)}
                >
                  {item.locked ? "Unlock" : "Lock"}
                </button>
                <label>
                  Move to{" "}
                  <select
                    value=""
                    disabled={disabled}
                    data-testid="move-item"
                    onChange={(event) => void edit(itemPath, "PATCH", { meal_position: Number(event.target.value) })}
                  >
                    <option value="">choose a meal</option>
                    {mealNames.map((name, index) =>
                      index === mealIndex ? null : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: meal names may repeat (two snacks); the position is what is sent
                        <option key={index} value={index}>
                          {name}
                        </option>
                      ),
                    )}
                  </select>
                </label>
                <button
                  type="button"
                  className="button button-small"
                  disabled={disabled}
                  data-testid="remove-item"
                  onClick={() => void edit(itemPath, "DELETE")}
                >
                  Remove
                </button>
              </div>
              <p className="muted">Or swap it for:</p>
              {alternatives === null && !error ? <p className="muted">Finding alternatives…</p> : null}
              {alternatives?.length === 0 ? <p className="muted">No other food fits here.</p> : null}
              {alternatives && alternatives.length > 0 ? (
                <ul aria-label={`Alternatives to ${item.food_name}`}>
                  {alternatives.map((alternative) => (
                    <li key={alternative.food_id}>
                      <button
                        type="button"
                        className="link-button"
                        data-testid="swap-choice"
                        disabled={disabled || item.locked}
                        onClick={() => void edit(`${itemPath}/swap`, "POST", { food_id: alternative.food_id })}
                      >
                        {alternative.food_name}
                      </button>{" "}
                      <span data-testid="swap-choice-grams">· {formatGrams(alternative.grams)}</span>{" "}
                      <span className="muted">
                        P {formatMacroGrams(alternative.protein)} · C {formatMacroGrams(alternative.carbs)} · F{" "}
                        {formatMacroGrams(alternative.fat)}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
