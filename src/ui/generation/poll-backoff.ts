/** The first status poll comes one second after Generate: short plans often finish within a few seconds. */
export const FIRST_POLL_DELAY_MS = 1000;
/** Long plans take minutes; polling more often than every five seconds would only load the server. */
export const LONGEST_POLL_DELAY_MS = 5000;
/**
 * While the run is planning days, reads come at least this often, so a day
 * drafted shows within this long of its model call (a call takes 5-15 s at
 * the model's published speed; bench:first-draft measures the whole wait).
 */
export const PLANNING_POLL_DELAY_MS = 1000;
/** Each wait is half as long again as the one before: 1 s, 1.5 s, 2.25 s, 3.4 s, then 5 s from then on. */
const GROWTH_FACTOR = 1.5;

/**
 * How long to wait before poll number `pollIndex` (0 for the first poll after
 * a start). Rounded to whole milliseconds so the schedule is easy to assert.
 */
export function pollDelayMs(pollIndex: number): number {
  const safeIndex = Number.isFinite(pollIndex) && pollIndex > 0 ? Math.floor(pollIndex) : 0;
  const delay = FIRST_POLL_DELAY_MS * GROWTH_FACTOR ** safeIndex;
  return Math.min(LONGEST_POLL_DELAY_MS, Math.round(delay));
}

/**
 * Whether a failed status poll will fail the same way every time, so polling
 * should stop: a client error (404 once the plan is deleted, 403, 400), but
 * not 408 or 429, which ask to try again later. Network failures (status 0)
 * and 5xx may recover.
 */
export function pollFailureIsFinal(httpStatus: number): boolean {
  return httpStatus >= 400 && httpStatus < 500 && httpStatus !== 408 && httpStatus !== 429;
}
