import { useI18n } from "../../i18n/i18n";

const WIDTH = 360;
const HEIGHT = 140;
const PAD = 24;

export interface DayPoint {
  readonly day: string;
  readonly shares: number;
}

/** Cumulative shares sold: one point per day, scaled to the box. */
export const cumulativePoints = (days: readonly DayPoint[], width = WIDTH, height = HEIGHT) => {
  let total = 0;
  const cumulative = days.map((d) => {
    total += d.shares;
    return { day: d.day, total };
  });
  const max = Math.max(total, 1);
  const step = cumulative.length > 1 ? (width - PAD * 2) / (cumulative.length - 1) : 0;
  return {
    total,
    points: cumulative.map((c, i) => ({
      x: PAD + i * step,
      y: height - PAD - (c.total / max) * (height - PAD * 2),
      ...c,
    })),
  };
};

/** Shares sold over time (cumulative line) with per-day bars; the numbers are in the label too. */
export const SharesChart = ({ days }: { days: readonly DayPoint[] }) => {
  const { t } = useI18n();
  const { total, points } = cumulativePoints(days);
  const label = t("producer.salesChartLabel", { total, days: days.length });
  const maxDay = Math.max(1, ...days.map((d) => d.shares));
  const barWidth =
    points.length > 0 ? Math.min(24, Math.max(2, (WIDTH - PAD * 2) / points.length / 2)) : 0;
  return (
    <figure className="chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%">
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} className="axis" />
        {days.map((d, i) => {
          const h = (d.shares / maxDay) * (HEIGHT - PAD * 2) * 0.5;
          const x = (points[i]?.x ?? PAD) - barWidth / 2;
          return (
            <rect
              key={d.day}
              x={x}
              y={HEIGHT - PAD - h}
              width={barWidth}
              height={h}
              className="bar-day"
            >
              <title>{`${d.day}: ${d.shares}`}</title>
            </rect>
          );
        })}
        {points.length > 0 && (
          <polyline
            className="line-total"
            fill="none"
            points={points.map((p) => `${p.x},${p.y}`).join(" ")}
          />
        )}
        {points.length > 0 && (
          <text x={WIDTH - PAD} y={PAD - 6} textAnchor="end" className="chart-label">
            {total}
          </text>
        )}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
};
