/**
 * A read-only drawing of one sheet: column letters and row numbers like Excel, merged cells as spans, the cells the
 * findings name outlined in their severity's colour, and the selected cells (a click on a finding) highlighted and
 * scrolled into view.
 */
import { useEffect, useRef } from "react";
import { type GriffelStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { parseA1Range, toA1 } from "../engine/a1";
import type { Severity } from "../engine/findings";
import { MARK_COLORS } from "../engine/marks";
import { COVERED, columnLabels, type GridCell, type GridSlot, type SheetView } from "../app/sheet-view";

const SELECTED_OUTLINE = "#107C41";
const SELECTED_FILL = "rgba(16, 124, 65, 0.14)";

/** Column letters and row numbers look alike, as in Excel: grey, centred, ruled, stuck to their edge. */
const HEADER_CELL: GriffelStyle = {
  position: "sticky",
  backgroundColor: tokens.colorNeutralBackground3,
  color: tokens.colorNeutralForeground3,
  fontWeight: tokens.fontWeightRegular,
  textAlign: "center",
  borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
};

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: "12px",
    lineHeight: "16px",
    fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  colHeader: { ...HEADER_CELL, top: 0, zIndex: 2, padding: "2px 0" },
  rowHeader: { ...HEADER_CELL, left: 0, zIndex: 1, padding: "0 4px" },
  cell: {
    borderRight: "1px solid #E1E1E1",
    borderBottom: "1px solid #E1E1E1",
    padding: "2px 4px",
    height: "20px",
    boxSizing: "border-box",
    overflow: "hidden",
    textOverflow: "ellipsis",
    // "pre": the leading spaces accountants indent 款 and 项 with stay visible, as in Excel.
    whiteSpace: "pre",
    verticalAlign: "middle",
    color: "#000000",
    backgroundColor: "#FFFFFF",
  },
  wrap: { whiteSpace: "pre-wrap", wordBreak: "break-word" },
  spillCell: { overflow: "visible", position: "relative" },
  spillText: {
    position: "absolute",
    top: "50%",
    transform: "translateY(-50%)",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "pre",
    pointerEvents: "none",
  },
  empty: { padding: tokens.spacingVerticalM, color: tokens.colorNeutralForeground3 },
});

export interface SheetGridProps {
  readonly view: SheetView;
  /** Severity of the findings per A1 address on this sheet. */
  readonly marks: ReadonlyMap<string, Severity>;
  /** A1 addresses selected on this sheet (a finding the user clicked). */
  readonly selected: readonly string[];
  /** Changes with every new selection, so the same cell selected again scrolls back into view. */
  readonly selectionSeq: number;
  readonly label: string;
  readonly emptyText: string;
}

/** "B4:C5" → B4, C4, B5, C5 (a finding may name a range); capped so a whole-column reference cannot hang the page. */
export function expandAddresses(addresses: readonly string[], limit = 10_000): Set<string> {
  const out = new Set<string>();
  for (const address of addresses) {
    let range;
    try {
      range = parseA1Range(address);
    } catch {
      continue; // not an address: nothing to show
    }
    for (let r = range.top; r <= range.bottom && out.size < limit; r++)
      for (let c = range.left; c <= range.right && out.size < limit; c++) out.add(toA1(r, c));
  }
  return out;
}

export interface Spill {
  /** Pixels the text may use: its own column and the empty ones it runs over. */
  readonly width: number;
  /** Left-aligned text runs on to the right, right-aligned text back to the left. */
  readonly toward: "right" | "left";
}

/**
 * Like Excel, text that does not fit runs on over the empty cells beside it (up to the next cell with something in
 * it): to the right when left-aligned, to the left when right-aligned (a "单位：万元" caption in the last column).
 * Returns null when the cell's own width is all it gets (numbers, wrapped, centred or merged cells).
 */
export function spillOf(
  row: readonly GridSlot[],
  col: number,
  columnWidths: readonly number[],
): Spill | null {
  const slot = row[col];
  if (!slot || slot === COVERED || slot.colSpan || slot.rowSpan || slot.text === "") return null;
  const style = slot.style ?? {};
  if (style.wrap || style.align === "center" || isNumberLike(slot.text)) return null;
  const toward = style.align === "right" ? "left" : "right";
  const step = toward === "right" ? 1 : -1;
  let width = columnWidths[col] ?? 0;
  let next = col + step;
  while (next >= 0 && next < row.length && row[next] === null) {
    width += columnWidths[next] ?? 0;
    next += step;
  }
  return next === col + step ? null : { width, toward };
}

function isNumberLike(text: string): boolean {
  return /^-?[\d,]+(\.\d+)?%?$/.test(text);
}

function cellStyle(cell: GridCell, mark: Severity | undefined, selected: boolean): React.CSSProperties {
  const s = cell.style ?? {};
  const shadows: string[] = [];
  if (mark) shadows.push(`inset 0 0 0 2px ${MARK_COLORS[mark]}`);
  if (selected) shadows.push(`inset 0 0 0 ${mark ? 4 : 2}px ${SELECTED_OUTLINE}`);
  return {
    ...(s.bold ? { fontWeight: 600 } : {}),
    ...(s.italic ? { fontStyle: "italic" } : {}),
    ...(s.color ? { color: s.color } : {}),
    backgroundColor: selected ? SELECTED_FILL : (s.fill ?? "#FFFFFF"),
    textAlign: s.align ?? (isNumberLike(cell.text) ? "right" : "left"),
    ...(shadows.length > 0 ? { boxShadow: shadows.join(", ") } : {}),
  };
}

export function SheetGrid({ view, marks, selected, selectionSeq, label, emptyText }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const selectedSet = expandAddresses(selected);

  useEffect(() => {
    const first = selectedSet.values().next().value;
    if (!first || !scroller.current) return;
    const target = scroller.current.querySelector<HTMLElement>(`[data-address="${first}"]`);
    // jsdom has no scrollIntoView; browsers all do.
    if (target && typeof target.scrollIntoView === "function") {
      target.scrollIntoView({ block: "center", inline: "center" });
    }
    // The selection's sequence number, not the array's identity, says when to scroll.
  }, [selectionSeq, view.name]);

  if (view.rows.length === 0) {
    return <div className={styles.empty}>{emptyText}</div>;
  }

  const letters = columnLabels(view.columnWidths.length);
  const totalWidth = 44 + view.columnWidths.reduce((a, b) => a + b, 0);

  return (
    <div ref={scroller} className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table} style={{ width: totalWidth }} data-sheet={view.name}>
        <colgroup>
          <col style={{ width: 44 }} />
          {view.columnWidths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={styles.corner} aria-hidden="true" />
            {letters.map((letter) => (
              <th key={letter} scope="col" className={styles.colHeader}>
                {letter}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row" className={styles.rowHeader}>
                {r + 1}
              </th>
              {row.map((slot, c) => {
                if (slot === COVERED) return null;
                const address = toA1(r, c);
                const cell: GridCell = slot ?? { text: "" };
                const mark = marks.get(address);
                const isSelected = selectedSet.has(address);
                const spill = spillOf(row, c, view.columnWidths);
                // mergeClasses, not a joined string: Griffel's atomic classes override only when merged.
                const className = mergeClasses(
                  styles.cell,
                  cell.style?.wrap && styles.wrap,
                  spill !== null && styles.spillCell,
                );
                return (
                  <td
                    key={c}
                    data-address={address}
                    data-mark={mark}
                    aria-selected={isSelected || undefined}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    title={cell.text.length > 12 ? cell.text : undefined}
                    className={className}
                    style={cellStyle(cell, mark, isSelected)}
                  >
                    {spill === null ? (
                      cell.text
                    ) : (
                      <span
                        className={styles.spillText}
                        style={{
                          width: spill.width - 8,
                          ...(spill.toward === "left"
                            ? { right: "4px", textAlign: "right" }
                            : { left: "4px" }),
                        }}
                      >
                        {cell.text}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
