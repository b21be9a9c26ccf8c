/**
 * The 评分 view's chart: 得分 against 分值 for the execution and per 一级指标, as grouped columns drawn in SVG with
 * Fluent's colours, and the execution rate above it. Our own small component (no charting package): it is loaded with
 * React.lazy by the 评分 view, so the pane's first load does not carry it.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ChartSpec } from "../engine/report/spec";
import { scoreText } from "../engine/format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", overflow: "visible" },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  key: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px" },
});

const WIDTH = 320;
const HEIGHT = 170;
const TOP = 16;
const BOTTOM = 34;
const BAR_AREA = HEIGHT - TOP - BOTTOM;

export interface ScoreChartProps {
  readonly chart: ChartSpec;
  /** "预算执行率 100.00%", shown above the chart; null when the rate is unknown. */
  readonly rateLine: string | null;
}

/** The chart's text for a screen reader: "得分与分值：预算执行率 10/10，产出指标 50/50". */
export function chartDescription(chart: ChartSpec): string {
  const [score, weight] = chart.series;
  const parts = chart.categories.map(
    (c, i) => `${c} ${scoreText(score?.values[i] ?? 0)}/${scoreText(weight?.values[i] ?? 0)}`,
  );
  return `${chart.title}：${parts.join("，")}`;
}

export function ScoreChart({ chart, rateLine }: ScoreChartProps) {
  const styles = useStyles();
  const [score, weight] = chart.series;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values));
  const n = Math.max(1, chart.categories.length);
  const slot = WIDTH / n;
  const bar = Math.min(22, slot / 3);
  const colors = [tokens.colorBrandBackground, tokens.colorNeutralStroke1];
  const heightOf = (v: number) => Math.round((Math.max(0, v) / max) * BAR_AREA * 10) / 10;
  return (
    <figure className={styles.root} style={{ margin: 0 }}>
      {rateLine && <Caption1>{rateLine}</Caption1>}
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={chartDescription(chart)}
      >
        <line x1={0} x2={WIDTH} y1={TOP + BAR_AREA} y2={TOP + BAR_AREA} stroke={tokens.colorNeutralStroke2} />
        {chart.categories.map((category, i) => {
          const x0 = i * slot + slot / 2 - bar;
          return (
            <g key={category} data-category={category}>
              {[score, weight].map((series, k) => {
                const v = series?.values[i] ?? 0;
                const h = heightOf(v);
                const x = x0 + k * bar;
                return (
                  <g key={series?.name ?? k}>
                    <rect
                      x={x}
                      y={TOP + BAR_AREA - h}
                      width={bar - 2}
                      height={h}
                      fill={colors[k]}
                      data-series={series?.name}
                      data-value={v}
                    />
                    <text
                      x={x + (bar - 2) / 2}
                      y={TOP + BAR_AREA - h - 3}
                      fontSize={9}
                      textAnchor="middle"
                      fill={tokens.colorNeutralForeground2}
                    >
                      {scoreText(v)}
                    </text>
                  </g>
                );
              })}
              <text
                x={i * slot + slot / 2}
                y={HEIGHT - BOTTOM + 14}
                fontSize={10}
                textAnchor="middle"
                fill={tokens.colorNeutralForeground1}
              >
                {category}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        {[score, weight].map((series, k) => (
          <Caption1 key={series?.name ?? k}>
            <span className={styles.key} style={{ backgroundColor: colors[k] }} />
            {series?.name}
          </Caption1>
        ))}
      </figcaption>
    </figure>
  );
}

export default ScoreChart;
