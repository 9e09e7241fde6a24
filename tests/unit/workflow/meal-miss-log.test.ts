import { describe, expect, it } from "vitest";
import { logMealMisses } from "@/inngest/story/story-steps";

function recordingLogger() {
  const lines: { level: "info" | "warn"; fields: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    info: (fields: Record<string, unknown>, message: string) => lines.push({ level: "info", fields, message }),
    warn: (fields: Record<string, unknown>, message: string) => lines.push({ level: "warn", fields, message }),
  };
}

describe("the log line for meal misses", () => {
  it("is one warning naming each day, meal and rule, and not the texts saved for the coach", () => {
    const logger = recordingLogger();
    logMealMisses(logger, "plan-1", [
      { day: 2, meal: "Lunch", rule: "vegetable", text: "no vegetable of at least 75 g", why: "none suits lunch" },
      { day: 3, meal: "Snack", rule: "snack-substance", text: "only drink" },
    ]);
    expect(logger.lines).toEqual([
      {
        level: "warn",
        fields: {
          planId: "plan-1",
          mealMisses: [
            { day: 2, meal: "Lunch", rule: "vegetable" },
            { day: 3, meal: "Snack", rule: "snack-substance" },
          ],
        },
        message: expect.stringMatching(/meals off their pattern/),
      },
    ]);
  });

  it("is not written when every meal meets its pattern", () => {
    const logger = recordingLogger();
    logMealMisses(logger, "plan-1", []);
    expect(logger.lines).toEqual([]);
  });
});
