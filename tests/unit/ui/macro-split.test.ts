import { describe, expect, it } from "vitest";
import {
  averageDailyTotals,
  macroEnergyPercentages,
  macroTargetGrams,
  stackedSegments,
  targetPercentages,
} from "@/ui/plan-view/macro-split";

describe("the macro split of a plan", () => {
  it("turns grams into shares of energy (4 kcal/g protein and carbohydrate, 9 kcal/g fat)", () => {
    // 150 g protein = 600 kcal, 200 g carbohydrate = 800 kcal, 600/9 g fat = 600 kcal: 30/40/30.
    expect(macroEnergyPercentages({ protein: 150, carbs: 200, fat: 600 / 9 })).toEqual({
      protein: 30,
      carb: 40,
      fat: 30,
    });
  });

  it("always adds up to exactly 100 after rounding", () => {
    const split = macroEnergyPercentages({ protein: 1, carbs: 1, fat: 1 });
    expect(split).not.toBeNull();
    if (split) expect(split.protein + split.carb + split.fat).toBe(100);
    for (const [protein, carbs, fat] of [
      [33, 33, 14.7],
      [10, 250, 40],
      [123.4, 98.7, 65.4],
    ] as const) {
      const shares = macroEnergyPercentages({ protein, carbs, fat });
      expect(shares && shares.protein + shares.carb + shares.fat).toBe(100);
    }
  });

  it("has no split when there is no energy", () => {
    expect(macroEnergyPercentages({ protein: 0, carbs: 0, fat: 0 })).toBeNull();
  });

  it("averages the days' totals", () => {
    const average = averageDailyTotals([
      { totals: { kcal: 1800, protein: 100, carbs: 200, fat: 60 } },
      { totals: { kcal: 2200, protein: 140, carbs: 240, fat: 80 } },
    ]);
    expect(average).toEqual({ kcal: 2000, protein: 120, carbs: 220, fat: 70 });
    expect(averageDailyTotals([])).toBeNull();
  });

  it("stacks protein, carbohydrate and fat across the bar's width", () => {
    const segments = stackedSegments(targetPercentages({ protein_pct: 30, carb_pct: 40, fat_pct: 30 }), 200);
    expect(segments.map((segment) => [segment.key, segment.x, segment.width])).toEqual([
      ["protein", 0, 60],
      ["carb", 60, 80],
      ["fat", 140, 60],
    ]);
  });

  it("fills the whole width even when a split does not add up to 100", () => {
    const segments = stackedSegments({ protein: 25, carb: 25, fat: 25 }, 300);
    const last = segments.at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(300, 6);
  });
});

describe("a day's macro targets in grams", () => {
  it("splits the kcal target by the percentages and divides by each macro's energy per gram", () => {
    const grams = macroTargetGrams(2000, { protein_pct: 30, carb_pct: 40, fat_pct: 30 });
    expect(grams.protein).toBeCloseTo(150, 6);
    expect(grams.carbs).toBeCloseTo(200, 6);
    expect(grams.fat).toBeCloseTo(66.667, 2);
  });

  it("round-trips through the energy split", () => {
    const split = { protein_pct: 25, carb_pct: 45, fat_pct: 30 };
    expect(macroEnergyPercentages(macroTargetGrams(2400, split))).toEqual({ protein: 25, carb: 45, fat: 30 });
  });
});
