"use client";

import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { weekFromSearch, weekOfDay } from "@/generation/calendar/plan-calendar";

export type WeekTab = {
  week: number;
  /** The tab's words: "Week 2 · 14-20 Dec". */
  label: string;
  /** The week's days as the jump links read them ("Day 8 · Mon 14 Dec"). */
  days: { dayNumber: number; label: string }[];
};

type WeekTabsProps = {
  planLengthDays: number;
  weeks: WeekTab[];
  /** One panel a week, in week order: that week's day cards. */
  panels: ReactNode[];
};

/**
 * A long plan read a week at a time: a tab a week (arrow keys, Home and End
 * move between them, as a tab list does), the selected week in the address
 * (`?week=3`) so it can be linked and survives a reload, jump links to each
 * of its days, and the previous and next week at its foot. An address with a
 * day (`#day-17`) opens that day's week. Print shows every week.
 */
export function WeekTabs({ planLengthDays, weeks, panels }: WeekTabsProps) {
  const [selected, setSelected] = useState(1);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  // The address says which week (or which day) to open; read it once mounted (the server renders week 1).
  useEffect(() => {
    const fromAddress = () => {
      const day = /^#day-(\d{1,2})$/.exec(window.location.hash)?.[1];
      const week = day ? weekOfDay(Number(day)) : weekFromSearch(window.location.search, planLengthDays);
      if (week && week <= weeks.length) {
        setSelected(week);
        if (day) requestAnimationFrame(() => document.getElementById(`day-${day}`)?.scrollIntoView());
      }
    };
    fromAddress();
    window.addEventListener("hashchange", fromAddress);
    return () => window.removeEventListener("hashchange", fromAddress);
  }, [planLengthDays, weeks.length]);

  const choose = useCallback((week: number, focus: boolean) => {
    setSelected(week);
    const url = new URL(window.location.href);
    url.searchParams.set("week", String(week));
    url.hash = "";
    window.history.replaceState(window.history.state, "", url);
    if (focus) tabs.current[week - 1]?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = weeks.length;
    const next =
      event.key === "ArrowRight"
        ? (selected % last) + 1
        : event.key === "ArrowLeft"
          ? ((selected + last - 2) % last) + 1
          : event.key === "Home"
            ? 1
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    choose(next, true);
  }

  return (
    <div className="week-tabs">
      <div role="tablist" aria-label="Weeks of the plan" className="week-tablist no-print" onKeyDown={onKeyDown}>
        {weeks.map((week) => (
          <button
            key={week.week}
            ref={(element) => {
              tabs.current[week.week - 1] = element;
            }}
            type="button"
            role="tab"
            id={`week-tab-${week.week}`}
            aria-controls={`week-panel-${week.week}`}
            aria-selected={week.week === selected}
            tabIndex={week.week === selected ? 0 : -1}
            className="week-tab"
            data-testid="week-tab"
            onClick={() => choose(week.week, false)}
          >
            {week.label}
          </button>
        ))}
      </div>
      {weeks.map((week, index) => (
        <div
          key={week.week}
          role="tabpanel"
          id={`week-panel-${week.week}`}
          aria-labelledby={`week-tab-${week.week}`}
          className="week-panel"
          data-testid="week-panel"
          hidden={week.week !== selected}
        >
          <nav aria-label={`Days of week ${week.week}`} className="day-nav no-print">
            <ul>
              {week.days.map((day) => (
                <li key={day.dayNumber}>
                  <a href={`#day-${day.dayNumber}`}>{day.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          {panels[index]}
          <div className="button-row week-steps no-print">
            {week.week > 1 ? (
              <button type="button" className="button button-small" onClick={() => choose(week.week - 1, true)}>
                ← Week {week.week - 1}
              </button>
            ) : null}
            {week.week < weeks.length ? (
              <button type="button" className="button button-small" onClick={() => choose(week.week + 1, true)}>
                Week {week.week + 1} →
              </button>
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}
