import type { MacroSplit } from "@/generation/generation-config";
import type { PlanDay, PlanDetail } from "@/ui/api/api-types";
import { averageDailyTotals, MACRO_LABELS, macroEnergyPercentages, stackedSegments } from "./macro-split";

const BAR_WIDTH = 480;
const BAR_HEIGHT = 28;
const ROW_GAP = 28;
const LABEL_ROOM = 18;
/** Segments narrower than this cannot hold their percentage inside. */
const NARROWEST_LABELLED_SEGMENT = 34;

type MacroChartProps = { days: readonly PlanDay[]; targets: PlanDetail["targets"] };

/** Share of energy from protein, carbohydrate and fat: the target against the plan's average day. */
export function MacroChart({ days, targets }: MacroChartProps) {
  const average = averageDailyTotals(days);
  const rows: { label: string; percentages: MacroSplit }[] = [];
  if (targets) rows.push({ label: "Target", percentages: targets.macro_split });
  const planned = average ? macroEnergyPercentages(average) : null;
  if (planned) rows.push({ label: "Plan (average day)", percentages: planned });
  if (rows.length === 0) return null;

  const rowHeight = LABEL_ROOM + BAR_HEIGHT + ROW_GAP;
  const height = rows.length * rowHeight - ROW_GAP + 4;
  const description = rows
    .map(
      (row) =>
        `${row.label}: protein ${row.percentages.protein_pct}%, carbohydrate ${row.percentages.carb_pct}%, fat ${row.percentages.fat_pct}%`,
    )
    .join("; ");

  return (
    <figure className="chart">
      <figcaption className="chart-caption">Macro split (% of energy)</figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${BAR_WIDTH} ${height}`}
        role="img"
        aria-labelledby="macro-chart-title macro-chart-description"
        data-testid="macro-chart"
      >
        <title id="macro-chart-title">Macro split</title>
        <desc id="macro-chart-description">{description}.</desc>
        {rows.map((row, rowIndex) => {
          const top = rowIndex * rowHeight;
          return (
            <g key={row.label}>
              <text className="chart-row-label" x={0} y={top + 13}>
                {row.label}
              </text>
              {stackedSegments(row.percentages, BAR_WIDTH).map((segment) => (
                <g key={segment.key}>
                  <rect
                    className={`macro-segment macro-${segment.key}`}
                    x={segment.x}
                    y={top + LABEL_ROOM}
                    width={segment.width}
                    height={BAR_HEIGHT}
                  >
                    <title>{`${row.label}: ${segment.label} ${segment.percent}%`}</title>
                  </rect>
                  {segment.width >= NARROWEST_LABELLED_SEGMENT ? (
                    <text
                      className="macro-segment-text"
                      x={segment.x + segment.width / 2}
                      y={top + LABEL_ROOM + BAR_HEIGHT / 2}
                      textAnchor="middle"
                      dominantBaseline="central"
                    >
                      {segment.percent}%
                    </text>
                  ) : null}
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        {(["protein", "carb", "fat"] as const).map((key) => (
          <li key={key}>
            <span className={`legend-swatch macro-${key}`} /> {MACRO_LABELS[key]}
          </li>
        ))}
      </ul>
    </figure>
  );
}
