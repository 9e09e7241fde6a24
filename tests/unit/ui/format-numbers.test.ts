import { describe, expect, it } from "vitest";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import {
  describeOffTarget,
  formatKcal,
  formatMacroGrams,
  isNearTarget,
  ON_TARGET_TOLERANCE_PERCENT,
} from "@/ui/plan-view/format-numbers";

describe("numbers on the plan page", () => {
  it("formats kcal and grams as whole numbers with thousands separators", () => {
    expect(formatKcal(2010.4)).toBe("2,010 kcal");
    expect(formatMacroGrams(141.6)).toBe("142 g");
  });

  it("says how far a day is from its target in words", () => {
    expect(describeOffTarget(1.54)).toBe("1.5% over target");
    expect(describeOffTarget(-2)).toBe("2% under target");
    expect(describeOffTarget(0.04)).toBe("on target");
    expect(describeOffTarget(null)).toBeNull();
  });

  it("counts days within the calorie scaler's tolerance as near the target", () => {
    expect(isNearTarget(2.9)).toBe(true);
    expect(isNearTarget(-3)).toBe(true);
    expect(isNearTarget(8)).toBe(false);
    expect(isNearTarget(null)).toBe(true);
  });
});

describe("the on-target tolerance", () => {
  it("is the calorie scaler's own, shown without floating-point noise", () => {
    // 0.03 * 100 is 3.0000000000000004: the legend must not say so.
    expect(ON_TARGET_TOLERANCE_PERCENT).toBeCloseTo(DEFAULT_GENERATION_CONFIG.calorieTolerance * 100, 9);
    expect(String(ON_TARGET_TOLERANCE_PERCENT)).toMatch(/^\d+(\.\d)?$/);
  });

  it("is where a day stops counting as near the target", () => {
    expect(isNearTarget(ON_TARGET_TOLERANCE_PERCENT)).toBe(true);
    expect(isNearTarget(-ON_TARGET_TOLERANCE_PERCENT)).toBe(true);
    expect(isNearTarget(ON_TARGET_TOLERANCE_PERCENT + 0.1)).toBe(false);
  });
});
