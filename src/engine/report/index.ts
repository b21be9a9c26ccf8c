/**
 * The report: three sheets (绩效自评表, 自评报告, 核查结果) described as a renderer-neutral spec (spec.ts), built from an
 * evaluation. Both gateways render the same spec, so the CLI's .xlsx and the add-in's sheets match cell for cell.
 */
import type { Lang } from "../i18n";
import { buildFindingsSheet } from "./findings-sheet";
import type { ReportInput } from "./input";
import { buildNarrativeSheet } from "./narrative-sheet";
import { buildProjectSheets, buildProjectSummarySheet } from "./project-sheets";
import type { ReportSpec, SheetSpec } from "./spec";
import { buildTableSheet } from "./table-sheet";

export type { ReportInput } from "./input";
export * from "./spec";
export * from "./sheet-names";

/**
 * Builds the report's sheets from an evaluation (any object with the fields of ReportInput, e.g. an Evaluation): the
 * 绩效自评表 and the 自评报告 when the workbook has the department's tables, the 项目汇总 and one 项目支出绩效自评表 per
 * project when it has project forms (issue 13), and the 核查结果 always.
 */
export function buildReport(evaluation: ReportInput, lang: Lang): ReportSpec {
  const projects = evaluation.projects ?? [];
  const department = evaluation.recognized.budget !== null || evaluation.recognized.indicators !== null;
  const sheets: SheetSpec[] = [];
  if (department || projects.length === 0)
    sheets.push(buildTableSheet(evaluation, lang), buildNarrativeSheet(evaluation, lang));
  if (projects.length > 0) {
    const input = { projects, year: evaluation.year };
    sheets.push(buildProjectSummarySheet(input, lang), ...buildProjectSheets(input, lang));
  }
  sheets.push(buildFindingsSheet(evaluation, lang));
  return { sheets };
}
export { bannerText } from "./banner";
