import { describe, expect, it } from "vitest";
import {
  FIRST_POLL_DELAY_MS,
  LONGEST_POLL_DELAY_MS,
  pollDelayMs,
  pollFailureIsFinal,
} from "@/ui/generation/poll-backoff";

describe("the status polling schedule", () => {
  it("starts at one second and rises to five", () => {
    const schedule = Array.from({ length: 8 }, (_, index) => pollDelayMs(index));
    expect(schedule).toEqual([1000, 1500, 2250, 3375, 5000, 5000, 5000, 5000]);
  });

  it("never waits less than the first delay or more than the longest", () => {
    for (let index = 0; index < 200; index += 1) {
      const delay = pollDelayMs(index);
      expect(delay).toBeGreaterThanOrEqual(FIRST_POLL_DELAY_MS);
      expect(delay).toBeLessThanOrEqual(LONGEST_POLL_DELAY_MS);
    }
  });

  it("never shortens from one poll to the next", () => {
    for (let index = 1; index < 50; index += 1) {
      expect(pollDelayMs(index)).toBeGreaterThanOrEqual(pollDelayMs(index - 1));
    }
  });

  it("treats a negative or non-numeric index as the first poll", () => {
    expect(pollDelayMs(-3)).toBe(FIRST_POLL_DELAY_MS);
    expect(pollDelayMs(Number.NaN)).toBe(FIRST_POLL_DELAY_MS);
  });
});

describe("a failed status poll", () => {
  it("ends the polling when asking again would get the same answer", () => {
    for (const status of [400, 403, 404, 410]) expect(pollFailureIsFinal(status)).toBe(true);
  });

  it("is retried when the server is unreachable, busy or failing for now", () => {
    for (const status of [0, 408, 429, 500, 502, 503]) expect(pollFailureIsFinal(status)).toBe(false);
  });
});
