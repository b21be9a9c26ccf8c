/** What the checker and the scorer report: one finding per problem, pointing at the cells to look at. */
import type { FindingConfirmation } from "./confirmations";
import type { Localized, Lang } from "./i18n";
import type { MoneyUnit } from "./money";
import type { RuleId } from "./rules/index";
import type { TableKind } from "./table-kinds";

export type Severity = "error" | "warning" | "notice";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "notice"];

/** Every rule id the engine reports, derived from the rule registry (src/engine/rules/index.ts). */
export type { RuleId } from "./rules/index";

/** A cell named by its sheet and A1 address ("C8"). */
export interface CellAddress {
  readonly sheet: string;
  readonly address: string;
}

export type { TableKind } from "./table-kinds";

/** What a finding about the report's prose quotes (文数一致, src/engine/text/): the sentence and both figures. */
export interface TextEvidence {
  /** The sentence (or the part around the figure), as written. */
  readonly sentence: string;
  /** The figure as the text writes it ("265.79万元"). */
  readonly stated: string;
  /** What the figure was read as ("基本支出全年执行数"). */
  readonly subject: Localized;
  /** The workbook's figure, in the text's unit. */
  readonly recorded: Localized;
}

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The first cell is where to look; the rest are the other cells involved. */
  readonly cells: readonly CellAddress[];
  /** Which table the finding belongs to, for grouping in reports. */
  readonly table?: TableKind;
  /** The project form the finding is about (its name as shown), on findings of a project form (issue 13). */
  readonly project?: string;
  /** Amounts in 分 (null when the finding is not about an amount). */
  readonly expectedFen: number | null;
  readonly actualFen: number | null;
  readonly differenceFen: number | null;
  /** The unit of the table the amounts were read in, for display. */
  readonly unit?: MoneyUnit;
  readonly message: Localized;
  /** The filer's 出错说明, when this finding has one that still holds (engine/confirmations.ts). */
  readonly confirmation?: FindingConfirmation;
  /** Set on the findings of the report-text check (text.*): what the prose says. */
  readonly text?: TextEvidence;
}

export function messageOf(finding: Finding, lang: Lang): string {
  return finding.message[lang];
}

export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) out[f.severity] += 1;
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Stable order for reports: severity, then sheet, then row-major cell position. */
export function compareFindings(a: Finding, b: Finding): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  const ca = a.cells[0];
  const cb = b.cells[0];
  if (!ca || !cb) return ca ? 1 : cb ? -1 : 0;
  if (ca.sheet !== cb.sheet) return ca.sheet < cb.sheet ? -1 : 1;
  return cellOrder(ca.address) - cellOrder(cb.address);
}

function cellOrder(address: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20000 + col;
}
