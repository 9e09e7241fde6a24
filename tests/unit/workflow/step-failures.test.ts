import { describe, expect, it } from "vitest";
import { ModelCallError } from "@/generation/model/model-call-error";
import { generationError } from "@/generation/shared/generation-error";
import { answerFailure, stepFailure, stepFaultOf, summariseStepFaults } from "@/inngest/attempts/step-faults";

describe("what each failed attempt met", () => {
  it("is a short label beside the step's error, built from the status and kind only", () => {
    const overloaded = stepFailure(
      new ModelCallError("overloaded", "Claude was overloaded (529) [request req_1]", { status: 529 }),
      "days 3-4",
    );
    const timedOut = stepFailure(new ModelCallError("timeout", "Claude did not answer within 19 s"), "days 3-4");
    const malformed = answerFailure(
      generationError("invalid_json", "The model's answer contained malformed JSON"),
      "day 7",
    );

    expect([stepFaultOf(overloaded), stepFaultOf(timedOut), stepFaultOf(malformed)]).toEqual([
      { days: "days 3-4", fault: "529 overloaded", kind: "overloaded" },
      { days: "days 3-4", fault: "timed out", kind: "timeout" },
      { days: "day 7", fault: "malformed JSON", kind: "answer" },
    ]);
    expect(stepFaultOf(new Error("no days named"))).toBeUndefined();
  });

  it("is summarised per group of days, counted, in the order the faults first appeared", () => {
    const summary = summariseStepFaults([
      { days: "days 3-4", fault: "529 overloaded" },
      { days: "day 7", fault: "malformed JSON" },
      { days: "days 3-4", fault: "timed out" },
      { days: "days 3-4", fault: "529 overloaded" },
      { days: "days 3-4", fault: "timed out" },
    ]);
    expect(summary).toBe("days 3-4: 529 overloaded ×2, timed out ×2; day 7: malformed JSON");
    expect(summariseStepFaults([])).toBe("");
  });
});
