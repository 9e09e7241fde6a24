/**
 * A plan's days on the calendar, pure: the date of each day from the plan's
 * optional start date, its label ("Day 3 · Wednesday 9 December"), and the
 * weeks a long plan is read in. Dates are calendar dates ("YYYY-MM-DD") worked
 * in UTC, so no time zone or daylight-saving change moves a day.
 */

export const DAYS_PER_WEEK = 7;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** The calendar date of day `dayNumber` (day 1 is the start date itself). */
export function dateOfDay(startDate: string, dayNumber: number): Date {
  const [year, month, day] = startDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + dayNumber - 1));
}

/** "Wednesday 9 December", or with `short` "Wed 9 Dec". */
export function formatCalendarDate(date: Date, short = false): string {
  const weekday = WEEKDAYS[date.getUTCDay()] ?? "";
  const month = MONTHS[date.getUTCMonth()] ?? "";
  return short
    ? `${weekday.slice(0, 3)} ${date.getUTCDate()} ${month.slice(0, 3)}`
    : `${weekday} ${date.getUTCDate()} ${month}`;
}

/** A day's heading: "Day 3 · Wednesday 9 December" with a start date, "Day 3" without. */
export function dayLabel(dayNumber: number, startDate: string | null, short = false): string {
  if (!startDate) return `Day ${dayNumber}`;
  return `Day ${dayNumber} · ${formatCalendarDate(dateOfDay(startDate, dayNumber), short)}`;
}

/** The start date in words, with its year: "Monday 7 December 2026". */
export function formatStartDate(startDate: string): string {
  const date = dateOfDay(startDate, 1);
  return `${formatCalendarDate(date)} ${date.getUTCFullYear()}`;
}

/** A week of the plan: its number (from 1) and its first and last day numbers. */
export type PlanWeek = { week: number; firstDay: number; lastDay: number };

/** The plan's weeks of seven days (the last may be shorter): 28 days are weeks 1-4, 10 days weeks 1-2. */
export function planWeeks(planLengthDays: number): PlanWeek[] {
  const weeks: PlanWeek[] = [];
  for (let first = 1; first <= planLengthDays; first += DAYS_PER_WEEK) {
    weeks.push({
      week: weeks.length + 1,
      firstDay: first,
      lastDay: Math.min(first + DAYS_PER_WEEK - 1, planLengthDays),
    });
  }
  return weeks;
}

/** The week a day falls in (day 8 is in week 2). */
export function weekOfDay(dayNumber: number): number {
  return Math.floor((dayNumber - 1) / DAYS_PER_WEEK) + 1;
}

/** A week tab's words: "Week 2 · days 8-14", with a start date "Week 2 · 14-20 Dec". */
export function weekLabel(week: PlanWeek, startDate: string | null): string {
  if (!startDate) {
    return week.firstDay === week.lastDay
      ? `Week ${week.week} · day ${week.firstDay}`
      : `Week ${week.week} · days ${week.firstDay}-${week.lastDay}`;
  }
  const first = dateOfDay(startDate, week.firstDay);
  const last = dateOfDay(startDate, week.lastDay);
  const month = (date: Date) => (MONTHS[date.getUTCMonth()] ?? "").slice(0, 3);
  if (week.firstDay === week.lastDay) return `Week ${week.week} · ${first.getUTCDate()} ${month(first)}`;
  const from = month(first) === month(last) ? `${first.getUTCDate()}` : `${first.getUTCDate()} ${month(first)}`;
  return `Week ${week.week} · ${from}-${last.getUTCDate()} ${month(last)}`;
}

/**
 * Which week a page address asks for (`?week=3`), or null when it names
 * none or one the plan does not have.
 */
export function weekFromSearch(search: string, planLengthDays: number): number | null {
  const value = new URLSearchParams(search).get("week");
  if (value === null || !/^\d{1,2}$/.test(value)) return null;
  const week = Number(value);
  return week >= 1 && week <= planWeeks(planLengthDays).length ? week : null;
}
