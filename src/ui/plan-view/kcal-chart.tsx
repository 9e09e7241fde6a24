import type { PlanDay } from "@/ui/api/api-types";
import { describeOffTarget, formatKcal, isNearTarget, ON_TARGET_TOLERANCE_PERCENT } from "./format-numbers";
import { KCAL_CHART_BOX, kcalChartGeometry } from "./kcal-chart-geometry";

type KcalChartProps = { days: readonly PlanDay[]; targetKcal: number | null };

/** Bars of kcal per day with the target as a dashed line; days off target are drawn in the warning colour. */
export function KcalChart({ days, targetKcal }: KcalChartProps) {
  const geometry = kcalChartGeometry(
    days.map((day) => ({ day_number: day.day_number, kcal: day.totals.kcal })),
    targetKcal,
  );
  const { plot } = geometry;
  const baseline = plot.y + plot.height;
  const anyDayOffTarget = days.some((day) => !isNearTarget(day.kcal_off_target_pct));
  const summary = days.map((day) => `day ${day.day_number} ${formatKcal(day.totals.kcal)}`).join(", ");

  return (
    <figure className="chart">
      <figcaption className="chart-caption">Calories per day{targetKcal ? " against the target" : ""}</figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${KCAL_CHART_BOX.width} ${KCAL_CHART_BOX.height}`}
        role="img"
        aria-labelledby="kcal-chart-title kcal-chart-description"
        data-testid="kcal-chart"
      >
        <title id="kcal-chart-title">Calories per day</title>
        <desc id="kcal-chart-description">
          {targetKcal ? `Target ${formatKcal(targetKcal)} per day. ` : ""}
          {summary}.
        </desc>

        {geometry.ticks.map((tick) => (
          <g key={tick.value}>
            <line className="chart-gridline" x1={plot.x} x2={plot.x + plot.width} y1={tick.y} y2={tick.y} />
            <text className="chart-axis-text" x={plot.x - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">
              {tick.value}
            </text>
          </g>
        ))}

        {geometry.bars.map((bar, index) => {
          const day = days[index];
          const offTarget = !isNearTarget(day?.kcal_off_target_pct ?? null);
          const difference = describeOffTarget(day?.kcal_off_target_pct ?? null);
          return (
            <g key={bar.dayNumber}>
              <rect
                className={offTarget ? "chart-bar chart-bar-off" : "chart-bar"}
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                data-day={bar.dayNumber}
              >
                <title>{`Day ${bar.dayNumber}: ${formatKcal(bar.kcal)}${difference ? `, ${difference}` : ""}`}</title>
              </rect>
              {bar.showLabel ? (
                <text className="chart-axis-text" x={bar.labelX} y={baseline + 14} textAnchor="middle">
                  {bar.dayNumber}
                </text>
              ) : null}
            </g>
          );
        })}

        <line className="chart-axis" x1={plot.x} x2={plot.x + plot.width} y1={baseline} y2={baseline} />
        <text className="chart-axis-text" x={plot.x + plot.width / 2} y={KCAL_CHART_BOX.height - 4} textAnchor="middle">
          Day
        </text>

        {geometry.targetY !== null ? (
          <line
            className="chart-target"
            x1={plot.x}
            x2={plot.x + plot.width}
            y1={geometry.targetY}
            y2={geometry.targetY}
            data-testid="kcal-target-line"
          />
        ) : null}
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="legend-swatch legend-bar" /> kcal planned
        </li>
        {anyDayOffTarget ? (
          <li>
            <span className="legend-swatch legend-bar-off" /> more than {ON_TARGET_TOLERANCE_PERCENT}% off target
          </li>
        ) : null}
        {targetKcal ? (
          <li>
            <span className="legend-swatch legend-target" /> target {formatKcal(targetKcal)}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
