/** The progress of a running action: a bar, "第 2/4 步：核查", and the list of steps with the current one marked. */
import { Caption1, ProgressBar, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Progress } from "../app/pipeline";
import type { UiStrings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  steps: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  step: { color: tokens.colorNeutralForeground3 },
  done: { color: tokens.colorNeutralForeground2 },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface StepProgressProps {
  readonly progress: Progress | null;
  readonly s: UiStrings;
}

export function StepProgress({ progress, s }: StepProgressProps) {
  const styles = useStyles();
  if (!progress) return <ProgressBar aria-label={s.progressLabel} />;
  const { index, steps, step } = progress;
  const label = s.stepOf(index + 1, steps.length, s.steps[step]);
  return (
    <div className={styles.root} role="status" aria-live="polite">
      {/* The bar fills as steps start: step 1 of 4 shows a quarter, so it never sits at 0 while work is under way. */}
      <ProgressBar
        value={(index + 1) / steps.length}
        max={1}
        aria-label={s.progressLabel}
        aria-valuetext={label}
      />
      <Caption1>{label}</Caption1>
      <ol className={styles.steps} aria-label={s.progressLabel}>
        {steps.map((id, i) => (
          <li
            key={id}
            aria-current={i === index ? "step" : undefined}
            className={mergeClasses(styles.step, i < index && styles.done, i === index && styles.current)}
          >
            {i < index ? `✓ ${s.steps[id]}` : s.steps[id]}
          </li>
        ))}
      </ol>
    </div>
  );
}
