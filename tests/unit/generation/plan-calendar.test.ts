import { describe, expect, it } from "vitest";
import {
  dateOfDay,
  dayLabel,
  formatStartDate,
  planWeeks,
  weekFromSearch,
  weekLabel,
  weekOfDay,
} from "@/generation/calendar/plan-calendar";

describe("a day's label", () => {
  it("names the weekday and date from the plan's start date", () => {
    // 7 December 2026 is a Monday, so day 3 is Wednesday 9 December.
    expect(dayLabel(3, "2026-12-07")).toBe("Day 3 · Wednesday 9 December");
    expect(dayLabel(1, "2026-12-07")).toBe("Day 1 · Monday 7 December");
    expect(dayLabel(3, "2026-12-07", true)).toBe("Day 3 · Wed 9 Dec");
  });

  it("is the day's number alone when the plan has no start date", () => {
    expect(dayLabel(3, null)).toBe("Day 3");
  });

  it("crosses months, years and leap days", () => {
    expect(dayLabel(28, "2026-12-07")).toBe("Day 28 · Sunday 3 January");
    expect(dayLabel(2, "2028-02-28")).toBe("Day 2 · Tuesday 29 February");
    expect(dayLabel(2, "2027-02-28")).toBe("Day 2 · Monday 1 March");
  });

  it("does not move with daylight saving (the last Sunday of March and October)", () => {
    expect(dayLabel(2, "2027-03-27")).toBe("Day 2 · Sunday 28 March");
    expect(dayLabel(3, "2027-03-27")).toBe("Day 3 · Monday 29 March");
    expect(dayLabel(2, "2026-10-24")).toBe("Day 2 · Sunday 25 October");
  });

  it("gives the start date in words with its year", () => {
    expect(formatStartDate("2026-12-07")).toBe("Monday 7 December 2026");
    expect(dateOfDay("2026-12-07", 8).toISOString().slice(0, 10)).toBe("2026-12-14");
  });
});

describe("a long plan's weeks", () => {
  it("are seven days each, the last one shorter when the length is not a multiple of seven", () => {
    expect(planWeeks(28)).toEqual([
      { week: 1, firstDay: 1, lastDay: 7 },
      { week: 2, firstDay: 8, lastDay: 14 },
      { week: 3, firstDay: 15, lastDay: 21 },
      { week: 4, firstDay: 22, lastDay: 28 },
    ]);
    expect(planWeeks(10).map((week) => [week.firstDay, week.lastDay])).toEqual([
      [1, 7],
      [8, 10],
    ]);
    expect(planWeeks(7)).toHaveLength(1);
    expect(weekOfDay(7)).toBe(1);
    expect(weekOfDay(8)).toBe(2);
    expect(weekOfDay(28)).toBe(4);
  });

  it("are labelled with their days, or their dates when the plan has a start date", () => {
    const week = (number: number, firstDay: number, lastDay: number) => ({ week: number, firstDay, lastDay });
    expect(weekLabel(week(2, 8, 14), null)).toBe("Week 2 · days 8-14");
    expect(weekLabel(week(2, 8, 14), "2026-12-07")).toBe("Week 2 · 14-20 Dec");
    expect(weekLabel(week(4, 22, 28), "2026-12-07")).toBe("Week 4 · 28 Dec-3 Jan");
    expect(weekLabel(week(1, 1, 7), "2026-11-30")).toBe("Week 1 · 30 Nov-6 Dec");
    expect(weekLabel(week(2, 8, 8), null)).toBe("Week 2 · day 8");
  });

  it("are chosen by the address (?week=3) only when the plan has that week", () => {
    expect(weekFromSearch("?week=3", 28)).toBe(3);
    expect(weekFromSearch("?week=5", 28)).toBeNull();
    expect(weekFromSearch("?week=0", 28)).toBeNull();
    expect(weekFromSearch("?week=2", 7)).toBeNull();
    expect(weekFromSearch("?week=two", 28)).toBeNull();
    expect(weekFromSearch("", 28)).toBeNull();
  });
});
