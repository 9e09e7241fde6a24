import { describe, expect, it } from "vitest";
import type { GenerationProgress } from "@/ui/api/api-types";
import { describeProgress } from "@/ui/generation/generation-progress";

describe("the progress bar and its sentence", () => {
  it("says a cancelled run was cancelled, with the plan as it was before", () => {
    const cancelled = { phase: "cancelled", days_done: 0, days_total: 7 } as const;
    expect(describeProgress("complete", cancelled)).toEqual({
      percent: 100,
      message: "Generation cancelled; the plan is as it was.",
    });
    expect(describeProgress("idle", cancelled)).toEqual({ percent: 0, message: "Generation cancelled." });
    expect(describeProgress("idle", null).message).toBe("Not generated yet.");
  });

  it("fills in proportion to the days planned during the planning passes", () => {
    const early = describeProgress("generating", { phase: "pass-one", days_done: 0, days_total: 10 });
    const half = describeProgress("generating", { phase: "pass-one", days_done: 5, days_total: 10 });
    const planned = describeProgress("generating", { phase: "pass-two", days_done: 10, days_total: 10 });
    expect(early.percent).toBe(5);
    expect(half.percent).toBe(45);
    expect(planned.percent).toBe(85);
    expect(half.message).toBe("Planning days (first pass): 5 of 10 days planned.");
  });

  it("names the days being planned: the current pass's days not drafted yet", () => {
    const passes: [number, number][] = [
      [1, 5],
      [6, 14],
    ];
    const progress = { phase: "pass-one", days_done: 0, days_total: 14, passes } as const;
    expect(describeProgress("generating", progress).message).toBe("Planning days 1-5: 0 of 14 days drafted.");
    const firstPassDone = { ...progress, phase: "pass-two", days_done: 5 } as const;
    expect(describeProgress("generating", firstPassDone, new Set([1, 2, 3, 4, 5])).message).toBe(
      "Planning days 6-14: 5 of 14 days drafted.",
    );
    expect(
      describeProgress(
        "generating",
        { ...firstPassDone, days_done: 13 },
        new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
      ).message,
    ).toBe("Planning day 14: 13 of 14 days drafted.");
  });

  it("says what the last stages do to the whole plan", () => {
    const at = (phase: "scaling" | "deduplicating" | "balancing") =>
      describeProgress("generating", { phase, days_done: 28, days_total: 28 }).message;
    expect(at("scaling")).toBe("Scaling 28 days to the calorie target.");
    expect(at("deduplicating")).toBe("Removing foods repeated across 28 days.");
    expect(at("balancing")).toBe("Balancing 28 days.");
  });

  it("never goes backwards through the phases of a run", () => {
    const phases = ["queued", "pass-one", "pass-two", "scaling", "deduplicating", "done"] as const;
    const percents = phases.map(
      (phase, index) => describeProgress("generating", { phase, days_done: index >= 2 ? 7 : 0, days_total: 7 }).percent,
    );
    for (let index = 1; index < percents.length; index += 1) {
      expect(percents[index]).toBeGreaterThanOrEqual(percents[index - 1] ?? 0);
    }
    expect(percents.at(-1)).toBe(100);
  });

  it("says which days are being tried again, which attempt of how many, and what the last one met", () => {
    const waiting = describeProgress("generating", {
      phase: "pass-one",
      days_done: 4,
      days_total: 7,
      retrying: { days: "day 5", attempt: 3, of: 6, fault: "answer cut off" },
    });
    expect(waiting.message).toBe(
      "Planning days (first pass): 4 of 7 days planned. Retrying day 5 (attempt 3 of 6): answer cut off.",
    );
    const odd = { phase: "pass-one", days_done: 0, days_total: 7, retrying: { days: 5, attempt: "x" } };
    expect(describeProgress("generating", odd as unknown as GenerationProgress).message).toBe(
      "Planning days (first pass): 0 of 7 days planned.",
    );
  });

  it("copes with an empty or odd progress object", () => {
    expect(describeProgress("generating", {}).percent).toBe(0);
    expect(describeProgress("generating", null).message).toBe("Waiting for the workflow to start.");
    // Stored JSON: a newer server may write a phase this page does not know.
    const fromNewerServer = { phase: "something-new", days_done: 99, days_total: 3 } as unknown as GenerationProgress;
    expect(describeProgress("generating", fromNewerServer)).toEqual({
      percent: 0,
      message: "Generating: 3 of 3 days planned.",
    });
  });

  it("describes the finished states", () => {
    expect(describeProgress("complete", {})).toEqual({ percent: 100, message: "The plan is ready." });
    expect(describeProgress("error", {}).message).toBe("Generation failed.");
    expect(describeProgress("idle", {}).percent).toBe(0);
  });
});
