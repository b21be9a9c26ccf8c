/**
 * The task pane: who we are and where we run, then four views on a TabList — 生成报告, 一致性检查, 评分, 设置 — over
 * one WorkbookHost. The App only wires things together: the state and actions live in usePane, each view in its
 * own component, the work itself in src/app.
 */
import { useEffect, useMemo, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookHost } from "../app/host";
import { createOfficeHost, detectHost, type HostInfo } from "../app/hosts";
import { PreviewLayout, connectPreview } from "../preview/lazy";
import { DEFAULT_LANG, type Lang } from "../engine/i18n";
import { CheckView } from "./CheckView";
import { GenerateView } from "./GenerateView";
import { Messages } from "./Messages";
import { ScoreView } from "./ScoreView";
import { SettingsView } from "./SettingsView";
import { uiStrings, type ConnectingTo, type ViewId } from "./strings";
import { themeFor } from "./theme";
import { usePane } from "./usePane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

/**
 * Excel gets the Office.js host; a plain browser the preview's .xlsx host (loaded lazily, with exceljs). The WPS page
 * passes a connect of its own (src/wps/pane.tsx), so this bundle never holds the WPS gateway.
 */
export async function defaultConnect(info: HostInfo): Promise<WorkbookHost | null> {
  if (info.mode === "excel") return createOfficeHost();
  return info.mode === "preview" ? connectPreview() : null;
}

export interface AppProps {
  /** Forces the language (tests, a language switch); otherwise it comes from the host. */
  readonly initialLang?: Lang;
  /** How to find the host; the default asks office.js. */
  readonly detect?: () => Promise<HostInfo>;
  /** The workbook to work on once the host is known; null when there is none (preview without a file). */
  readonly connect?: (info: HostInfo) => Promise<WorkbookHost | null>;
  /** The host named while detecting it: the page knows it (WPS's pane page says "wps"); Excel's by default. */
  readonly connectingTo?: ConnectingTo;
}

const VIEWS: readonly ViewId[] = ["generate", "check", "score", "settings"];

export function App({
  initialLang,
  detect = detectHost,
  connect = defaultConnect,
  connectingTo = "excel",
}: AppProps) {
  const styles = useStyles();
  const [info, setInfo] = useState<HostInfo | null>(null);
  const [host, setHost] = useState<WorkbookHost | null>(null);
  const [chosenLang, setChosenLang] = useState<Lang | null>(initialLang ?? null);
  const [view, setView] = useState<ViewId>("generate");

  useEffect(() => {
    let live = true;
    void detect()
      .then(async (found) => {
        if (!live) return;
        setInfo(found);
        const connected = await connect(found);
        if (live) setHost(connected);
      })
      .catch((error: unknown) => {
        // Detection never rejects; a connect that fails leaves the pane in its "no workbook" state, which explains.
        console.error("绩效自评助手: connecting to the workbook failed", error);
      });
    return () => {
      live = false;
    };
  }, [detect, connect]);

  const lang: Lang = chosenLang ?? info?.lang ?? DEFAULT_LANG;
  const s = uiStrings(lang);
  const theme = useMemo(() => themeFor(info?.theme), [info]);
  const [state, actions] = usePane(host, lang);
  const busy = state.running !== null;

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const otherLang: Lang = lang === "zh-CN" ? "en-US" : "zh-CN";

  return (
    <FluentProvider theme={theme} lang={lang}>
      <PreviewLayout
        host={host}
        lang={lang}
        evaluation={state.evaluation}
        pane={
          <main className={styles.root} aria-busy={busy}>
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
              {info === null ? (
                <Spinner size="tiny" labelPosition="after" label={s.status.connecting[connectingTo]} />
              ) : (
                <Badge appearance="tint" color={info.mode === "preview" ? "warning" : "success"}>
                  {s.status[info.mode]}
                </Badge>
              )}
            </div>

            <Body1 as="p" style={{ margin: 0 }}>
              {s.intro}
            </Body1>

            <TabList
              className={styles.tabs}
              selectedValue={view}
              onTabSelect={(_, data) => setView(data.value as ViewId)}
              aria-label={s.viewsLabel}
              size="small"
            >
              {VIEWS.map((id) => (
                <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`view-${id}`}>
                  {s.views[id]}
                </Tab>
              ))}
            </TabList>

            <Messages
              error={state.error}
              notices={state.notices}
              lang={lang}
              s={s}
              onDismissError={actions.dismissError}
              onDismissNotices={actions.dismissNotices}
            />

            <section role="tabpanel" id={`view-${view}`} aria-labelledby={`tab-${view}`}>
              {view === "generate" && (
                <GenerateView
                  state={state}
                  actions={actions}
                  s={s}
                  lang={lang}
                  onShowFindings={() => setView("check")}
                  platform={info?.platform ?? null}
                />
              )}
              {view === "check" && <CheckView state={state} actions={actions} lang={lang} s={s} />}
              {view === "score" && <ScoreView state={state} actions={actions} lang={lang} s={s} />}
              {view === "settings" && (
                <SettingsView
                  key={JSON.stringify(state.settings)}
                  settings={state.settings}
                  s={s}
                  lang={lang}
                  disabled={busy}
                  onSave={(settings) => void actions.saveSettings(settings)}
                />
              )}
            </section>

            <Caption1 className={styles.hint}>{s.privacy}</Caption1>
          </main>
        }
      />
    </FluentProvider>
  );
}
