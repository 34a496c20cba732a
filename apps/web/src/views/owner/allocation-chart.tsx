import type { AllocationLot } from "../../api/types";
import { useI18n } from "../../i18n/i18n";

const WIDTH = 320;
const BAR = 28;
const GAP = 14;
const LABEL = 72;

export interface ChartBar {
  readonly key: string;
  readonly x: number;
  readonly width: number;
  readonly grade: AllocationLot["grade"];
}

/** Received units as stacked segments (one per lot), on the same scale as the entitled bar. */
export const receivedBars = (
  entitled: number,
  lots: readonly AllocationLot[],
  width: number = WIDTH - LABEL,
): { entitledWidth: number; bars: ChartBar[] } => {
  const received = lots.reduce((sum, lot) => sum + lot.units, 0);
  const scale = width / Math.max(entitled, received, 1);
  let x = 0;
  const bars = lots.map((lot, index) => {
    const bar = { key: `${lot.lotId}-${index}`, x, width: lot.units * scale, grade: lot.grade };
    x += bar.width;
    return bar;
  });
  return { entitledWidth: entitled * scale, bars };
};

/** Entitled vs received, per lot: a short harvest shows as a shorter second bar. */
export const AllocationChart = ({
  entitled,
  lots,
  unitLabel,
}: {
  entitled: number;
  lots: readonly AllocationLot[];
  unitLabel: string;
}) => {
  const { t } = useI18n();
  const received = lots.reduce((sum, lot) => sum + lot.units, 0);
  const { entitledWidth, bars } = receivedBars(entitled, lots);
  const label = t("harvest.chartLabel", { entitled, received, unit: unitLabel });
  const height = BAR * 2 + GAP * 3;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <text x={0} y={GAP + BAR * 0.65} className="chart-label">
          {t("harvest.entitled")}
        </text>
        <rect
          data-testid="entitled-bar"
          x={LABEL}
          y={GAP}
          width={entitledWidth}
          height={BAR}
          className="bar-entitled"
        />
        <text x={0} y={GAP * 2 + BAR * 1.65} className="chart-label">
          {t("harvest.received")}
        </text>
        {bars.map((bar) => (
          <rect
            key={bar.key}
            data-testid="received-bar"
            x={LABEL + bar.x}
            y={GAP * 2 + BAR}
            width={bar.width}
            height={BAR}
            className={`bar-${bar.grade}`}
          />
        ))}
      </svg>
      <figcaption>
        {label}
        {lots.length > 0 && (
          <ul className="legend">
            {lots.map((lot, index) => (
              <li key={lot.lotId}>
                <span className={`swatch bar-${lot.grade}`} aria-hidden="true" />
                {t("harvest.lot", { index: index + 1, grade: t(`grade.${lot.grade}`) })}:{" "}
                {lot.units} {unitLabel}
              </li>
            ))}
          </ul>
        )}
      </figcaption>
    </figure>
  );
};
