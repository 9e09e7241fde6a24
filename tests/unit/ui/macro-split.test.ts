import { describe, expect, it } from "vitest";
import { macroTargetGrams } from "@/generation/nutrition/macros";
import { averageDailyTotals, macroEnergyPercentages, stackedSegments } from "@/ui/plan-view/macro-split";

const total = (split: { protein_pct: number; carb_pct: number; fat_pct: number }) =>
  split.protein_pct + split.carb_pct + split.fat_pct;

describe("the macro split of a plan", () => {
  it("turns grams into shares of energy (4 kcal/g protein and carbohydrate, 9 kcal/g fat)", () => {
    // 150 g protein = 600 kcal, 200 g carbohydrate = 800 kcal, 600/9 g fat = 600 kcal: 30/40/30.
    expect(macroEnergyPercentages({ protein: 150, carbs: 200, fat: 600 / 9 })).toEqual({
      protein_pct: 30,
      carb_pct: 40,
      fat_pct: 30,
    });
  });

  it("always adds up to exactly 100 after rounding", () => {
    const split = macroEnergyPercentages({ protein: 1, carbs: 1, fat: 1 });
    expect(split).not.toBeNull();
    if (split) expect(total(split)).toBe(100);
    for (const [protein, carbs, fat] of [
      [33, 33, 14.7],
      [10, 250, 40],
      [123.4, 98.7, 65.4],
    ] as const) {
      const shares = macroEnergyPercentages({ protein, carbs, fat });
      expect(shares && total(shares)).toBe(100);
    }
  });

  it("gives the rounding to the largest remainders", () => {
    // Equal energy from each: 33.33 % apiece; the first in drawing order takes the spare point.
    expect(macroEnergyPercentages({ protein: 9, carbs: 9, fat: 4 })).toEqual({
      protein_pct: 34,
      carb_pct: 33,
      fat_pct: 33,
    });
  });

  it("has no split when there is no energy", () => {
    expect(macroEnergyPercentages({ protein: 0, carbs: 0, fat: 0 })).toBeNull();
    expect(macroEnergyPercentages({ protein: Number.NaN, carbs: 10, fat: 10 })).toBeNull();
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
    const segments = stackedSegments({ protein_pct: 30, carb_pct: 40, fat_pct: 30 }, 200);
    expect(segments.map((segment) => [segment.key, segment.x, segment.width])).toEqual([
      ["protein", 0, 60],
      ["carb", 60, 80],
      ["fat", 140, 60],
    ]);
  });

  it("fills the whole width even when a split does not add up to 100", () => {
    const segments = stackedSegments({ protein_pct: 25, carb_pct: 25, fat_pct: 25 }, 300);
    const last = segments.at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(300, 6);
  });
});

describe("a day's macro targets in grams", () => {
  it("round-trips through the energy split the chart shows", () => {
    const split = { protein_pct: 25, carb_pct: 45, fat_pct: 30 };
    expect(macroEnergyPercentages(macroTargetGrams(2400, split))).toEqual(split);
  });
});
