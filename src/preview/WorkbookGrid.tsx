/**
 * The open workbook as a person sees it: the sheet tabs (report sheets badged), a legend of the mark colours in use,
 * and the active sheet's grid with the cells of the pane's findings outlined and the pane's selection shown.
 */
import { useMemo } from "react";
import { Badge, Caption1, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { isCut } from "../app/sheet-view";
import { SEVERITIES, type Finding, type Severity } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import { MARK_COLORS, marksBySheet, worstMarks } from "../engine/marks";
import { SheetGrid } from "./SheetGrid";
import type { PreviewState } from "./store";
import { previewStrings } from "./strings";

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    marginRight: "4px",
    verticalAlign: "-1px",
  },
  tabs: { overflowX: "auto" },
});

const NO_MARKS: ReadonlyMap<string, Severity> = new Map();

export interface WorkbookGridProps {
  readonly state: PreviewState;
  /** The findings of the pane's last evaluation; null before one ran on this workbook. */
  readonly findings: readonly Finding[] | null;
  readonly lang: Lang;
  readonly onActivate: (sheet: string) => void;
}

export function WorkbookGrid({ state, findings, lang, onActivate }: WorkbookGridProps) {
  const styles = useStyles();
  const s = previewStrings(lang);
  const marks = useMemo(() => marksBySheet(worstMarks(findings ?? [])), [findings]);
  const active = state.sheets.find((v) => v.name === state.activeSheet) ?? null;
  const selected =
    state.selection && active && state.selection.sheet === active.name ? state.selection.addresses : [];
  const used = new Set<Severity>();
  for (const sheet of marks.values()) for (const severity of sheet.values()) used.add(severity);

  return (
    <>
      {state.sheets.length > 0 && (
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={s.sheetsLabel}
          selectedValue={state.activeSheet ?? undefined}
          onTabSelect={(_, data) => onActivate(String(data.value))}
        >
          {state.sheets.map((v) => (
            <Tab key={v.name} value={v.name} data-sheet={v.name}>
              {v.name}
              {v.report && (
                <>
                  {" "}
                  <Badge size="small" appearance="tint" color="brand">
                    {s.reportSheetBadge}
                  </Badge>
                </>
              )}
            </Tab>
          ))}
        </TabList>
      )}

      {used.size > 0 && (
        <Caption1 className={styles.legend}>
          <span>{s.markLegend}</span>
          {SEVERITIES.filter((severity) => used.has(severity)).map((severity) => (
            <span key={severity}>
              <span
                className={styles.swatch}
                style={{ boxShadow: `inset 0 0 0 2px ${MARK_COLORS[severity]}` }}
              />
              {s.severity[severity]}
            </span>
          ))}
        </Caption1>
      )}

      {active && isCut(active) && (
        <Caption1 className={styles.hint}>
          {s.truncated(active.rows.length, active.columnWidths.length)}
        </Caption1>
      )}

      {active && (
        <SheetGrid
          view={active}
          marks={marks.get(active.name) ?? NO_MARKS}
          selected={selected}
          selectionSeq={state.selection?.seq ?? 0}
          label={s.gridLabel(active.name)}
          emptyText={s.emptySheet}
        />
      )}
    </>
  );
}
