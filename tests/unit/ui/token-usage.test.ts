import { describe, expect, it } from "vitest";
import { formatWait } from "@/server/spend-limits";
import { formatTokenUsage } from "@/ui/plans-list/format-usage";

describe("the plans page's token line", () => {
  it("reads as tokens used of the org's daily budget", () => {
    expect(formatTokenUsage({ tokens_today: 12_400, daily_budget: 500_000 })).toBe(
      "12,400 of 500,000 model tokens today (UTC)",
    );
  });

  it("says so when the org has no daily budget", () => {
    expect(formatTokenUsage({ tokens_today: 0, daily_budget: 0 })).toBe("0 model tokens today (UTC), no daily budget");
  });
});

describe("how long a refused coach waits, in words", () => {
  it.each([
    [1, "1 s"],
    [59, "59 s"],
    [60, "1 min"],
    [61, "2 min"],
    [3600, "1 h"],
    [3700, "1 h 2 min"],
  ])("%i s reads %s", (seconds, words) => {
    expect(formatWait(seconds)).toBe(words);
  });
});
