/** The checker pipeline: recognise the tables, then run every consistency rule over them. */
import { checkRecognized, type CheckOptions } from "./check/index";
import { compareFindings, summarize, type Finding, type Severity } from "./findings";
import { recognizeWorkbook } from "./recognize/index";
import type { WorkbookSnapshot } from "./snapshot";
import type { RecognizedWorkbook, TableSummary } from "./tables";

export type { CheckOptions };

export interface CheckResult {
  readonly recognized: RecognizedWorkbook;
  readonly tables: readonly TableSummary[];
  readonly findings: readonly Finding[];
  readonly summary: Record<Severity, number>;
}

export function checkWorkbook(workbook: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const recognized = recognizeWorkbook(workbook);
  const findings = [...checkRecognized(recognized, options)].sort(compareFindings);
  return { recognized, tables: recognized.tables, findings, summary: summarize(findings) };
}
