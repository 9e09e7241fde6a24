import { describe, expect, it } from "vitest";
import { splitPasses } from "@/generation/passes/split-passes";

describe("two-pass split (FIRST_PASS_MAX = 5)", () => {
  it("plans a short plan in one pass", () => {
    expect(splitPasses(1)).toEqual({ passOne: [1] });
    expect(splitPasses(5)).toEqual({ passOne: [1, 2, 3, 4, 5] });
  });

  it("plans days 1-5 first and the rest second", () => {
    expect(splitPasses(6)).toEqual({ passOne: [1, 2, 3, 4, 5], passTwo: [6] });
    const split = splitPasses(28);
    expect(split.passOne).toEqual([1, 2, 3, 4, 5]);
    expect(split.passTwo).toEqual(Array.from({ length: 23 }, (_, i) => i + 6));
  });

  it("rejects a plan without whole days", () => {
    expect(() => splitPasses(0)).toThrow(RangeError);
    expect(() => splitPasses(2.5)).toThrow(/whole number/);
  });
});
