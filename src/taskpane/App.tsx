/** The task pane's first screen: who we are, where we run (Excel or preview), and the two main actions. */
import { useCallback, useEffect, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ClipboardTaskListLtr24Regular, DocumentTableCheckmark24Regular } from "@fluentui/react-icons";
import { DEFAULT_LANG, type Lang } from "../engine/i18n";
import { detectHost, type HostInfo, type HostMode } from "./office-host";
import { uiStrings, type ActionId } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  action: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  /** Forces the language (tests, a language switch); otherwise it comes from the host. */
  readonly initialLang?: Lang;
  /** How to find the host; the default asks office.js. */
  readonly detect?: () => Promise<HostInfo>;
}

interface Notice {
  readonly action: ActionId;
  readonly mode: HostMode;
}

const ACTION_IDS: readonly ActionId[] = ["generate", "check"];

export function App({ initialLang, detect = detectHost }: AppProps) {
  const styles = useStyles();
  const [host, setHost] = useState<HostInfo | null>(null);
  const [chosenLang, setChosenLang] = useState<Lang | null>(initialLang ?? null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    let live = true;
    void detect().then((info) => {
      if (live) setHost(info);
    });
    return () => {
      live = false;
    };
  }, [detect]);

  const lang: Lang = chosenLang ?? host?.lang ?? DEFAULT_LANG;
  const s = uiStrings(lang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const runAction = useCallback(
    async (action: ActionId) => {
      // Ask office.js again on every click: the pane may have been opened before Office finished loading.
      const info = await detect();
      setHost(info);
      setNotice({ action, mode: info.mode });
    },
    [detect],
  );

  const otherLang: Lang = lang === "zh-CN" ? "en-US" : "zh-CN";

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.root}>
        <header className={styles.header}>
          <img src="assets/icon-32.png" width={32} height={32} alt={s.logoAlt} />
          <Title3 as="h1" className={styles.title}>
            {s.title}
          </Title3>
          <Button
            appearance="subtle"
            size="small"
            aria-label={s.switchLanguageLabel}
            onClick={() => setChosenLang(otherLang)}
          >
            {s.switchLanguage}
          </Button>
        </header>

        <div role="status" aria-live="polite">
          {host === null ? (
            <Spinner size="tiny" labelPosition="after" label={s.status.connecting} />
          ) : (
            <Badge appearance="tint" color={host.mode === "excel" ? "success" : "warning"}>
              {host.mode === "excel" ? s.status.excel : s.status.preview}
            </Badge>
          )}
        </div>

        <Body1 as="p">{s.intro}</Body1>

        <section className={styles.actions}>
          {ACTION_IDS.map((id) => (
            <div key={id} className={styles.action}>
              <Button
                appearance={id === "generate" ? "primary" : "secondary"}
                icon={
                  id === "generate" ? <DocumentTableCheckmark24Regular /> : <ClipboardTaskListLtr24Regular />
                }
                onClick={() => void runAction(id)}
              >
                {s.actions[id].label}
              </Button>
              <Caption1 className={styles.hint}>{s.actions[id].hint}</Caption1>
            </div>
          ))}
        </section>

        {notice && (
          <MessageBar intent={notice.mode === "excel" ? "info" : "warning"}>
            <MessageBarBody>
              <MessageBarTitle>
                {notice.mode === "excel" ? s.actionTitleExcel : s.actionTitlePreview}
              </MessageBarTitle>
              {notice.mode === "excel"
                ? s.actionInExcel(s.actions[notice.action].label)
                : s.actionInPreview(s.actions[notice.action].label)}
            </MessageBarBody>
          </MessageBar>
        )}

        <Caption1 className={styles.hint}>{s.privacy}</Caption1>
      </main>
    </FluentProvider>
  );
}
