/** The pane's error (one at a time, in plain words, never a stack trace) and its notices, as Fluent MessageBars. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { describeError, problemOf } from "../app/errors";
import type { Lang } from "../engine/i18n";
import type { UiStrings } from "./strings";
import type { PaneError, PaneNotice } from "./usePane";

/** The close button of a MessageBar, labelled for screen readers. */
function DismissAction({ label, onClick }: { readonly label: string; readonly onClick: () => void }) {
  return (
    <MessageBarActions
      containerAction={
        <Button appearance="transparent" aria-label={label} icon={<DismissRegular />} onClick={onClick} />
      }
    />
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface MessagesProps {
  readonly error: PaneError | null;
  readonly notices: readonly PaneNotice[];
  readonly lang: Lang;
  readonly s: UiStrings;
  readonly onDismissError: () => void;
  readonly onDismissNotices: () => void;
}

export function Messages({ error, notices, lang, s, onDismissError, onDismissNotices }: MessagesProps) {
  const styles = useStyles();
  if (!error && notices.length === 0) return null;
  // Outside Excel, "no workbook" is the normal state of a fresh page, not a failure: say so as a warning.
  const preview = error !== null && problemOf(error.cause) === "no-workbook";
  return (
    <div className={styles.root}>
      {error && (
        <MessageBar intent={preview ? "warning" : "error"} role="alert">
          <MessageBarBody>
            <MessageBarTitle>{preview ? s.actionTitlePreview : s.errorTitles[error.action]}</MessageBarTitle>
            {describeError(error.cause, lang)}
          </MessageBarBody>
          <DismissAction label={s.dismiss} onClick={onDismissError} />
        </MessageBar>
      )}
      {notices.map((notice, i) => (
        <MessageBar key={i} intent={notice.intent}>
          <MessageBarBody>{notice.text(s, lang)}</MessageBarBody>
          {i === 0 && <DismissAction label={s.dismiss} onClick={onDismissNotices} />}
        </MessageBar>
      ))}
    </div>
  );
}
