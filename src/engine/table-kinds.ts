/**
 * The kinds of table the engine recognises, in the order every listing shows them (the CLI's report, the pane's
 * findings, the 核查结果 sheet), with their names in both languages. One home, so no two places word them apart.
 */
import type { Lang } from "./i18n";

/** "project": one 项目支出绩效自评表 (issue 13), its fund block and indicators included. */
export type TableKind = "budget" | "expenditure" | "indicators" | "info" | "project";

/** Recognition and display order. */
export const TABLE_KINDS: readonly TableKind[] = ["budget", "expenditure", "indicators", "info", "project"];

/** A finding that names no table (table.missing) is about the workbook as a whole. */
export type FindingGroup = TableKind | "other";

/** The order findings are grouped by table: the kinds, then the findings about the whole workbook. */
export const FINDING_GROUP_ORDER: readonly FindingGroup[] = [...TABLE_KINDS, "other"];

export const TABLE_KIND_NAMES: Readonly<Record<FindingGroup, Readonly<Record<Lang, string>>>> = {
  budget: { "zh-CN": "预算执行情况", "en-US": "Budget execution" },
  expenditure: { "zh-CN": "支出决算表", "en-US": "Expenditure table" },
  indicators: { "zh-CN": "绩效指标", "en-US": "Performance indicators" },
  info: { "zh-CN": "部门基本情况", "en-US": "Department information" },
  project: { "zh-CN": "项目支出绩效自评表", "en-US": "Project self-evaluation" },
  other: { "zh-CN": "整个工作簿", "en-US": "Whole workbook" },
};

/** The name of a table kind (or of the whole-workbook group) in `lang`. */
export function tableKindName(kind: FindingGroup, lang: Lang): string {
  return TABLE_KIND_NAMES[kind][lang];
}
