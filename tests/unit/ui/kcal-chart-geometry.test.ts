import { describe, expect, it } from "vitest";
import { type ChartBox, kcalChartGeometry, niceStep } from "@/ui/plan-view/kcal-chart-geometry";

const box: ChartBox = { width: 500, height: 300, top: 20, right: 20, bottom: 30, left: 60 };
// Plot area: x 60..480 (420 wide), y 20..270 (250 tall).

const days = (...kcal: number[]) => kcal.map((value, index) => ({ day_number: index + 1, kcal: value }));

describe("the kcal-per-day chart", () => {
  it("scales to a round number above the tallest bar or the target, whichever is higher", () => {
    expect(kcalChartGeometry(days(1900, 2100), 2000, box).scaleMax).toBe(2500);
    expect(kcalChartGeometry(days(1200, 1300), 3000, box).scaleMax).toBeGreaterThanOrEqual(3000);
  });

  it("draws bars in proportion to kcal, standing on the baseline", () => {
    const geometry = kcalChartGeometry(days(1000, 2000), 2000, box);
    const [first, second] = geometry.bars;
    const baseline = box.top + (box.height - box.top - box.bottom);
    expect(second?.height).toBeCloseTo((first?.height ?? 0) * 2, 6);
    for (const bar of geometry.bars) expect(bar.y + bar.height).toBeCloseTo(baseline, 6);
  });

  it("puts the target line at the height a bar of exactly the target would reach", () => {
    const geometry = kcalChartGeometry(days(1800, 2000, 2200), 2000, box);
    expect(geometry.targetY).toBeCloseTo(geometry.bars[1]?.y ?? Number.NaN, 6);
  });

  it("has no target line when the plan has no target", () => {
    expect(kcalChartGeometry(days(1800), null, box).targetY).toBeNull();
  });

  it("spreads the bars across the plot without overlapping, in day order", () => {
    const geometry = kcalChartGeometry(days(...Array.from({ length: 28 }, () => 2000)), 2000, box);
    expect(geometry.bars).toHaveLength(28);
    for (let index = 1; index < geometry.bars.length; index += 1) {
      const previous = geometry.bars[index - 1];
      const current = geometry.bars[index];
      if (!previous || !current) throw new Error("missing bar");
      expect(current.x).toBeGreaterThan(previous.x + previous.width);
    }
    const last = geometry.bars.at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual(box.width - box.right);
    expect(geometry.bars[0]?.x).toBeGreaterThanOrEqual(box.left);
  });

  it("labels every day of a short plan and every second day of a four-week plan", () => {
    const week = kcalChartGeometry(days(...Array.from({ length: 7 }, () => 2000)), 2000, box);
    expect(week.bars.every((bar) => bar.showLabel)).toBe(true);
    const month = kcalChartGeometry(days(...Array.from({ length: 28 }, () => 2000)), 2000, box);
    expect(month.bars.filter((bar) => bar.showLabel).map((bar) => bar.dayNumber)).toEqual(
      Array.from({ length: 14 }, (_, index) => index * 2 + 1),
    );
  });

  it("has gridlines from zero to the top of the scale, evenly spaced", () => {
    const { ticks, scaleMax, plot } = kcalChartGeometry(days(2000), 2000, box);
    expect(ticks[0]).toEqual({ value: 0, y: plot.y + plot.height });
    expect(ticks.at(-1)?.value).toBe(scaleMax);
    expect(ticks.at(-1)?.y).toBeCloseTo(plot.y, 6);
  });

  it("copes with no days, zero kcal and nonsense values", () => {
    const empty = kcalChartGeometry([], null, box);
    expect(empty.bars).toEqual([]);
    expect(empty.scaleMax).toBeGreaterThan(0);
    const odd = kcalChartGeometry(days(0, Number.NaN, -50), null, box);
    for (const bar of odd.bars) expect(bar.height).toBe(0);
  });
});

describe("gridline steps", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceStep(430)).toBe(500);
    expect(niceStep(560)).toBe(1000);
    expect(niceStep(210)).toBe(250);
    expect(niceStep(150)).toBe(200);
    expect(niceStep(1000)).toBe(1000);
    expect(niceStep(0)).toBe(1);
  });
});
