/** The preview page: the task pane in a pane-wide column on the left, the workbook on the right (stacked when narrow). */
import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateColumns: "minmax(320px, 380px) minmax(0, 1fr)",
    alignItems: "start",
    minHeight: "100vh",
    "@media (max-width: 860px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  paneColumn: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: "100vh",
    "@media (max-width: 860px)": { borderRight: "none", minHeight: "auto" },
  },
});

export function PreviewPage({
  pane,
  workbench,
}: {
  readonly pane: ReactNode;
  readonly workbench: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.page} data-testid="preview-page">
      <div className={styles.paneColumn}>{pane}</div>
      {workbench}
    </div>
  );
}
