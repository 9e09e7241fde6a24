/**
 * Geometry for the "kcal per day against the target" bar chart, in SVG user
 * units. Kept pure so the scale, the bars and the target line can be tested
 * without a browser.
 */

export type ChartBox = { width: number; height: number; top: number; right: number; bottom: number; left: number };

/** A narrow viewBox so the text stays readable when the chart shrinks to a phone's width. */
export const KCAL_CHART_BOX: ChartBox = { width: 480, height: 240, top: 14, right: 12, bottom: 34, left: 52 };

export type KcalBar = {
  dayNumber: number;
  kcal: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the day label sits (centre of the bar). */
  labelX: number;
  /** Long plans label every second or third day so the numbers do not collide. */
  showLabel: boolean;
};

export type KcalChartGeometry = {
  plot: { x: number; y: number; width: number; height: number };
  scaleMax: number;
  ticks: { value: number; y: number }[];
  bars: KcalBar[];
  /** The target line's height, or null when the plan has no target. */
  targetY: number | null;
};

/** Most day labels that fit under the plot at this viewBox width. */
const MOST_DAY_LABELS = 14;
/** Bars take this share of their slot; the rest is the gap between days. */
const BAR_SHARE_OF_SLOT = 0.7;
/** Headroom above the tallest bar or the target line, so neither touches the top. */
const HEADROOM = 1.08;
/** At most this many gridlines above zero: the smallest round step that keeps within it wins. */
const MOST_GRID_INTERVALS = 6;

export function kcalChartGeometry(
  days: readonly { day_number: number; kcal: number }[],
  targetKcal: number | null,
  box: ChartBox = KCAL_CHART_BOX,
): KcalChartGeometry {
  const plot = {
    x: box.left,
    y: box.top,
    width: box.width - box.left - box.right,
    height: box.height - box.top - box.bottom,
  };
  const tallest = Math.max(0, targetKcal ?? 0, ...days.map((day) => finiteOrZero(day.kcal)));
  const step = niceStep(tallest > 0 ? (tallest * HEADROOM) / MOST_GRID_INTERVALS : 500);
  const scaleMax = Math.max(step, Math.ceil((tallest * HEADROOM) / step) * step);
  const yFor = (value: number) => plot.y + plot.height - (Math.max(0, value) / scaleMax) * plot.height;

  const ticks: KcalChartGeometry["ticks"] = [];
  for (let value = 0; value <= scaleMax + step / 2; value += step) ticks.push({ value, y: yFor(value) });

  const slot = days.length > 0 ? plot.width / days.length : plot.width;
  const barWidth = slot * BAR_SHARE_OF_SLOT;
  const labelEvery = Math.ceil(days.length / MOST_DAY_LABELS);
  const bars = days.map((day, index): KcalBar => {
    const kcal = finiteOrZero(day.kcal);
    const top = yFor(kcal);
    const x = plot.x + index * slot + (slot - barWidth) / 2;
    return {
      dayNumber: day.day_number,
      kcal,
      x,
      y: top,
      width: barWidth,
      height: plot.y + plot.height - top,
      labelX: x + barWidth / 2,
      showLabel: index % labelEvery === 0,
    };
  });

  return {
    plot,
    scaleMax,
    ticks,
    bars,
    targetY: targetKcal !== null && targetKcal > 0 ? yFor(targetKcal) : null,
  };
}

/** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `rough`: gridlines people can read. */
export function niceStep(rough: number): number {
  if (!Number.isFinite(rough) || rough <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const multiple of [1, 2, 2.5, 5, 10]) {
    if (multiple * power >= rough) return multiple * power;
  }
  return 10 * power;
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
