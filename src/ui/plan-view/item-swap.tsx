"use client";

import { type ReactNode, useId, useState } from "react";
import type { PlanItem } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";
import { formatMacroGrams } from "./format-numbers";
import { formatGrams } from "./grocery-list";

type Alternative = Pick<PlanItem, "food_id" | "food_name" | "grams" | "kcal" | "protein" | "carbs" | "fat">;

type ItemSwapProps = {
  planId: string;
  item: PlanItem;
  disabled: boolean;
  onSwapped: () => void;
  /** The item's own cells (food, grams, macros). */
  children: ReactNode;
  /** Columns of the table, so the alternatives row spans it. */
  columns: number;
};

/**
 * An item's table row with a Swap button, and below it (while open) a row
 * the table's full width that lists the foods that may replace it (the same
 * role on the plate, suited to the meal, fitting the plan, not already in the
 * day; closest macros first), each with the grams it would come at ("Tofu,
 * firm · 180 g"), and swaps the chosen one in; the server re-solves the
 * day's grams to its target.
 */
export function SwappableItemRows({ planId, item, disabled, onSwapped, children, columns }: ItemSwapProps) {
  const [open, setOpen] = useState(false);
  const [alternatives, setAlternatives] = useState<Alternative[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const itemPath = `/api/nutrition/plans/${encodeURIComponent(planId)}/items/${encodeURIComponent(item.id)}`;

  async function toggle() {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setError(null);
    setAlternatives(null);
    const result = await fetchJson<{ alternatives: Alternative[] }>(`${itemPath}/alternatives`);
    if (result.ok) setAlternatives(result.data.alternatives);
    else setError(result.error);
  }

  async function choose(foodId: string) {
    setBusy(true);
    setError(null);
    const result = await fetchJson<unknown>(`${itemPath}/swap`, { method: "POST", body: { food_id: foodId } });
    setBusy(false);
    if (result.ok) {
      setOpen(false);
      onSwapped();
    } else setError(result.error);
  }

  return (
    <>
      <tr>
        {children}
        <td className="no-print">
          <button
            type="button"
            className="button button-small"
            data-testid="swap-item"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={`Swap ${item.food_name}`}
            onClick={() => void toggle()}
            disabled={disabled || busy}
          >
            Swap
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="no-print">
          <td colSpan={columns}>
            <div id={listId} className="swap-panel" data-testid="swap-alternatives">
              {error ? (
                <p className="field-error" role="alert">
                  {error}
                </p>
              ) : null}
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
                        disabled={busy}
                        onClick={() => void choose(alternative.food_id)}
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
