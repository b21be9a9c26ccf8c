/** After 一键生成: the total, the grade, the execution rate and the count of findings, and a way to the report. */
import {
  Button,
  Card,
  CardHeader,
  Caption1,
  CounterBadge,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { OpenRegular } from "@fluentui/react-icons";
import type { ReportSheetNames } from "../app/host";
import type { Evaluation } from "../engine/evaluate";
import { SEVERITIES, type Severity } from "../engine/findings";
import { rateText, scoreText } from "../engine/format";
import { sheetKeysOf } from "../engine/report/sheet-names";
import type { UiStrings } from "./strings";

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(3, 1fr)",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  figure: { display: "flex", flexDirection: "column", margin: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, margin: 0, padding: 0 },
  count: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, listStyleType: "none" },
});

const BADGE_COLOR: Record<Severity, "danger" | "important" | "informative"> = {
  error: "danger",
  warning: "important",
  notice: "informative",
};

export interface SummaryCardProps {
  readonly evaluation: Evaluation;
  readonly report: ReportSheetNames;
  readonly s: UiStrings;
  readonly disabled: boolean;
  readonly onOpenReport: () => void;
}

export function SummaryCard({ evaluation, report, s, disabled, onOpenReport }: SummaryCardProps) {
  const styles = useStyles();
  const score = evaluation.score;
  const rate = score?.execution.rate;
  const figures: [string, string][] = [
    [s.summary.total, score ? scoreText(score.total) : s.summary.none],
    [s.summary.grade, score ? s.grades[score.grade] : s.summary.none],
    [s.summary.executionRate, rate === null || rate === undefined ? s.summary.none : rateText(rate)],
  ];
  return (
    <Card aria-labelledby="summary-heading">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="summary-heading">
            {s.summary.heading}
          </Subtitle2>
        }
      />
      <dl className={styles.figures}>
        {figures.map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <dt className={styles.label}>{label}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <ul className={styles.counts}>
        {SEVERITIES.map((severity) => (
          <li key={severity} className={styles.count}>
            <CounterBadge
              count={evaluation.summary[severity]}
              showZero
              color={BADGE_COLOR[severity]}
              aria-hidden
            />
            <Caption1>{`${s.summary.counts[severity]} ${evaluation.summary[severity]}`}</Caption1>
          </li>
        ))}
      </ul>
      <Caption1>{s.summary.written(s.list(writtenNames(report)))}</Caption1>
      <Button icon={<OpenRegular />} onClick={onOpenReport} disabled={disabled}>
        {s.summary.openReport}
      </Button>
    </Card>
  );
}

/** The names of the sheets written, in tab order (a report of project forms has no 绩效自评表 or 自评报告). */
function writtenNames(report: ReportSheetNames): string[] {
  return sheetKeysOf(report).map((key) => report[key] ?? "");
}
