/**
 * 评分: the execution rate and every indicator with its target, actual value, weight, score and how the score was
 * computed. What needs the user's attention stands out: no actual value, an unreadable target, a typed qualitative
 * score outside its tier, a shortfall, an over-completion.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { CalculatorRegular } from "@fluentui/react-icons";
import { Suspense, lazy } from "react";
import type { Evaluation } from "../engine/evaluate";
import { parseA1Range } from "../engine/a1";
import type { Lang } from "../engine/i18n";
import { projectName } from "../engine/project";
import type { IndicatorScore, ScoreResult } from "../engine/score/types";
import { rateText, scoreText } from "../engine/format";
import { scoreChart } from "../engine/report/table-sheet";
import { StepProgress } from "./StepProgress";
import type { UiStrings } from "./strings";
import type { PaneActions, PaneState } from "./usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: "3px solid transparent",
  },
  attention: {
    borderLeftColor: tokens.colorPaletteRedBorder2,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  caution: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  head: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  points: { whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  total: { display: "flex", flexDirection: "column", gap: "2px" },
});

/** The chart is loaded on demand (its own chunk), the first time a score is shown. */
const LazyScoreChart = lazy(() => import(/* webpackChunkName: "score-chart" */ "./ScoreChart"));

type Flag = "missing" | "invalid" | "outOfTier" | "shortfall" | "overachieved";

const SERIOUS: ReadonlySet<Flag> = new Set<Flag>(["missing", "invalid", "outOfTier"]);

/** The rows a qualitative-tier finding points at, as "sheet\0row". */
function outOfTierRows(evaluation: Evaluation): Set<string> {
  const rows = new Set<string>();
  for (const f of evaluation.findings) {
    if (f.rule !== "indicator.qualitative-tier") continue;
    for (const cell of f.cells) rows.add(`${cell.sheet}\u0000${parseA1Range(cell.address).top}`);
  }
  return rows;
}

export function flagsOf(indicator: IndicatorScore, outOfTier: ReadonlySet<string>): Flag[] {
  const flags: Flag[] = [];
  if (indicator.status === "missing") flags.push("missing");
  if (indicator.status === "invalid") flags.push("invalid");
  if (outOfTier.has(`${indicator.nameCell.pos.sheet}\u0000${indicator.nameCell.pos.row}`))
    flags.push("outOfTier");
  if (indicator.status === "partial" || indicator.status === "zero") flags.push("shortfall");
  if (indicator.overachieved) flags.push("overachieved");
  return flags;
}

function IndicatorItem({
  indicator,
  flags,
  lang,
  s,
}: {
  readonly indicator: IndicatorScore;
  readonly flags: readonly Flag[];
  readonly lang: Lang;
  readonly s: UiStrings;
}) {
  const styles = useStyles();
  const serious = flags.some((f) => SERIOUS.has(f));
  return (
    <li
      className={mergeClasses(styles.item, serious ? styles.attention : flags.length > 0 && styles.caution)}
      aria-label={indicator.name}
    >
      <Caption1 className={styles.muted}>
        {[indicator.level1, indicator.level2].filter(Boolean).join(" / ")}
      </Caption1>
      <div className={styles.head}>
        <Body1 className={styles.name}>{indicator.name}</Body1>
        <Body1
          className={styles.points}
          aria-label={`${s.score.score} ${scoreText(indicator.score)} / ${s.score.weight} ${scoreText(indicator.weight)}`}
        >
          {`${scoreText(indicator.score)} / ${scoreText(indicator.weight)}`}
        </Body1>
      </div>
      <Caption1>
        {`${s.score.target} ${indicator.target || "—"} · ${s.score.actual} ${indicator.actual || "—"}`}
      </Caption1>
      <Caption1 className={styles.muted}>{indicator.method[lang]}</Caption1>
      {flags.length > 0 && (
        <div className={styles.badges}>
          {flags.map((flag) => (
            <Badge
              key={flag}
              appearance="tint"
              size="small"
              color={SERIOUS.has(flag) ? "danger" : flag === "overachieved" ? "informative" : "warning"}
            >
              {s.score[flag]}
            </Badge>
          ))}
        </div>
      )}
    </li>
  );
}

function ScoreList({
  score,
  evaluation,
  lang,
  s,
}: {
  readonly score: ScoreResult;
  readonly evaluation: Evaluation;
  readonly lang: Lang;
  readonly s: UiStrings;
}) {
  const styles = useStyles();
  const outOfTier = outOfTierRows(evaluation);
  const execution = score.execution;
  return (
    <>
      <section className={styles.total} aria-labelledby="score-total">
        <Subtitle2 as="h2" id="score-total">
          {s.score.total(scoreText(score.total), s.grades[score.grade])}
        </Subtitle2>
        {score.cappedFrom !== undefined && (
          <Caption1>{s.score.cappedFrom(scoreText(score.cappedFrom))}</Caption1>
        )}
        {score.weightsTotal !== 100 && (
          <Badge appearance="tint" color="danger">
            {s.score.weightsTotal(scoreText(score.weightsTotal))}
          </Badge>
        )}
      </section>
      <ul className={styles.list}>
        <li
          className={mergeClasses(styles.item, execution.rate === null && styles.attention)}
          aria-label={s.score.execution}
        >
          <div className={styles.head}>
            <Body1 className={styles.name}>{s.score.execution}</Body1>
            <Body1
              className={styles.points}
            >{`${scoreText(execution.score)} / ${scoreText(execution.weight)}`}</Body1>
          </div>
          {execution.rate !== null && <Caption1>{rateText(execution.rate)}</Caption1>}
          <Caption1 className={styles.muted}>{execution.method[lang]}</Caption1>
        </li>
        {score.indicators.map((indicator) => (
          <IndicatorItem
            key={`${indicator.nameCell.pos.sheet}-${indicator.row}`}
            indicator={indicator}
            flags={flagsOf(indicator, outOfTier)}
            lang={lang}
            s={s}
          />
        ))}
      </ul>
    </>
  );
}

/** The project forms (issue 13): each with its score and grade; a click selects its form in the workbook. */
function ProjectList({
  evaluation,
  actions,
  busy,
  lang,
  s,
}: {
  readonly evaluation: Evaluation;
  readonly actions: PaneActions;
  readonly busy: boolean;
  readonly lang: Lang;
  readonly s: UiStrings;
}) {
  const styles = useStyles();
  return (
    <section aria-labelledby="score-projects">
      <Subtitle2 as="h2" id="score-projects">
        {s.score.projects}
      </Subtitle2>
      <ul className={styles.list}>
        {evaluation.projects.map((project, index) => {
          const name = projectName(project, index, lang);
          const score = project.score;
          return (
            <li
              key={`${project.form.sheet}-${project.form.range.top}`}
              className={mergeClasses(
                styles.item,
                score !== null && score.grade === "差" && styles.attention,
              )}
            >
              <div className={styles.head}>
                <Button
                  appearance="transparent"
                  size="small"
                  className={styles.name}
                  aria-label={s.score.selectProject(name)}
                  disabled={busy}
                  onClick={() => void actions.selectProject(project)}
                >
                  {name}
                </Button>
                <Body1 className={styles.points}>
                  {score ? s.score.projectScore(scoreText(score.total), s.grades[score.grade]) : "—"}
                </Body1>
              </div>
              {score?.execution.rate !== null && score?.execution.rate !== undefined && (
                <Caption1
                  className={styles.muted}
                >{`${s.score.execution} ${rateText(score.execution.rate)}`}</Caption1>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export interface ScoreViewProps {
  readonly state: PaneState;
  readonly actions: PaneActions;
  readonly lang: Lang;
  readonly s: UiStrings;
}

export function ScoreView({ state, actions, lang, s }: ScoreViewProps) {
  const styles = useStyles();
  const busy = state.running !== null;
  const running = state.running?.action === "score" ? state.running : null;
  const evaluation = state.evaluation;
  return (
    <div className={styles.root}>
      <Button
        icon={<CalculatorRegular />}
        appearance="primary"
        onClick={() => void actions.score()}
        disabled={busy}
      >
        {s.score.run}
      </Button>
      {running && <StepProgress progress={running.progress} s={s} />}
      {!running && !evaluation && <Body1 className={styles.hint}>{s.score.notRun}</Body1>}
      {evaluation && !evaluation.score && evaluation.projects.length === 0 && (
        <Body1>{s.score.noScore}</Body1>
      )}
      {evaluation?.score && <ChartOf evaluation={evaluation} lang={lang} s={s} />}
      {evaluation?.score && <ScoreList score={evaluation.score} evaluation={evaluation} lang={lang} s={s} />}
      {evaluation && evaluation.projects.length > 0 && (
        <ProjectList evaluation={evaluation} actions={actions} busy={busy} lang={lang} s={s} />
      )}
    </div>
  );
}

function ChartOf({ evaluation, lang, s }: { evaluation: Evaluation; lang: Lang; s: UiStrings }) {
  const chart = scoreChart(evaluation, lang);
  if (!chart) return null;
  const rate = evaluation.score?.execution.rate ?? null;
  return (
    <Suspense fallback={null}>
      <LazyScoreChart chart={chart} rateLine={rate === null ? null : s.score.rateLine(rateText(rate))} />
    </Suspense>
  );
}
