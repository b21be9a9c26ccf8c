/**
 * The report: three sheets (绩效自评表, 自评报告, 核查结果) described as a renderer-neutral spec (spec.ts), built from an
 * evaluation. Both gateways render the same spec, so the CLI's .xlsx and the add-in's sheets match cell for cell.
 */
import type { Lang } from "../i18n";
import { buildFindingsSheet } from "./findings-sheet";
import type { ReportInput } from "./input";
import { buildNarrativeSheet } from "./narrative-sheet";
import type { ReportSpec } from "./spec";
import { buildTableSheet } from "./table-sheet";

export type { ReportInput } from "./input";
export * from "./spec";
export * from "./sheet-names";

/** Builds the report's sheets from an evaluation (any object with the fields of ReportInput, e.g. an Evaluation). */
export function buildReport(evaluation: ReportInput, lang: Lang): ReportSpec {
  return {
    sheets: [
      buildTableSheet(evaluation, lang),
      buildNarrativeSheet(evaluation, lang),
      buildFindingsSheet(evaluation, lang),
    ],
  };
}
export { bannerText } from "./banner";
