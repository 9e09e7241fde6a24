"use client";

import { useEffect, useMemo, useState } from "react";
import {
  buildGroceryList,
  type GroceryDay,
  groceryListCsv,
  groceryListText,
  groceryPeriods,
} from "@/generation/grocery/grocery-list";
import type { ShoppingFacts } from "@/generation/grocery/shopping-facts";

type GroceryListSectionProps = {
  days: readonly GroceryDay[];
  shopping: Readonly<Record<string, ShoppingFacts>>;
  planLengthDays: number;
  /** Names this plan's ticks in the browser's storage (the plan's id, or a share link's digest). */
  storageKey: string;
};

/**
 * What to buy, as bought (dry, raw, counted), one section per aisle: for the
 * whole plan or, for a plan longer than a week, one week at a time. The
 * shopper ticks what is in the basket (kept in this browser, per plan and
 * list) and can take the list away as plain text or CSV; printed on its own page.
 */
export function GroceryListSection({ days, shopping, planLengthDays, storageKey }: GroceryListSectionProps) {
  const periods = groceryPeriods(Math.max(planLengthDays, days.length));
  const [periodKey, setPeriodKey] = useState(periods[0]?.key ?? "all");
  const period = periods.find((candidate) => candidate.key === periodKey) ?? periods[0];
  const sections = useMemo(() => buildGroceryList(days, shopping, period), [days, shopping, period]);
  const [ticked, setTicked] = useTickedLines(`grocery-ticked:${storageKey}:${period?.key ?? "all"}`);
  const title = periods.length > 1 && period ? `Grocery list: ${period.label}` : "Grocery list";
  const fileStem = `grocery-list${period && period.key !== "all" ? `-${period.key}` : ""}`;

  return (
    <section className="grocery-list" data-testid="grocery-list" aria-labelledby="grocery-heading">
      <h2 id="grocery-heading">{title}</h2>
      <p className="muted">
        What to buy, raw or dry as sold, rounded up to whole units and sensible weights
        {period && periods.length > 1 ? "" : `, for all ${days.length} ${days.length === 1 ? "day" : "days"}`}.
      </p>
      <div className="grocery-controls no-print">
        {periods.length > 1 ? (
          <label>
            List for{" "}
            <select
              value={period?.key}
              onChange={(event) => setPeriodKey(event.target.value)}
              data-testid="grocery-period"
            >
              {periods.map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {candidate.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button
          type="button"
          className="button button-small"
          onClick={() => download(`${fileStem}.txt`, "text/plain", groceryListText(title, sections))}
        >
          Download text
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => download(`${fileStem}.csv`, "text/csv", groceryListCsv(sections))}
        >
          Download CSV
        </button>
      </div>
      <div className="grocery-groups">
        {sections.map((section) => (
          <section key={section.aisle} className="grocery-group" aria-labelledby={`grocery-${section.aisle}`}>
            <h3 id={`grocery-${section.aisle}`}>{section.label}</h3>
            <ul>
              {section.lines.map((line) => (
                <li
                  key={line.key}
                  className={ticked.has(line.key) ? "grocery-item grocery-item-ticked" : "grocery-item"}
                >
                  <label>
                    <input
                      type="checkbox"
                      checked={ticked.has(line.key)}
                      onChange={(event) => setTicked(line.key, event.target.checked)}
                    />{" "}
                    <span>{line.name}</span>
                  </label>
                  <span className="grocery-amount">{line.amount}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

/** The lines ticked off under one storage key, kept in localStorage (read after mount, so the server render has none). */
function useTickedLines(key: string): [ReadonlySet<string>, (line: string, on: boolean) => void] {
  const [ticked, setTickedState] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    setTickedState(new Set(readTicked(key)));
  }, [key]);
  const setTicked = (line: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(line);
    else next.delete(line);
    setTickedState(next);
    try {
      window.localStorage.setItem(key, JSON.stringify([...next]));
    } catch {
      // Storage full or blocked (private mode): the ticks last until the page is left.
    }
  };
  return [ticked, setTicked];
}

function readTicked(key: string): string[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(key) ?? "[]");
    return Array.isArray(stored) ? stored.filter((line): line is string => typeof line === "string") : [];
  } catch {
    return [];
  }
}

/** Saves text as a file through the browser's download. */
function download(fileName: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
