/**
 * The banner over a report written while errors stand (issue 12 §3): a report must never look clean over errors, so
 * the 绩效自评表 and the 自评报告 carry a red line above their title, printed with them, linking to 核查结果.
 */
import type { Finding } from "../findings";
import type { Lang } from "../i18n";
import { DEFAULT_SHEET_NAMES } from "./sheet-names";
import type { CellStyle, HyperlinkSpec } from "./spec";

/** Red as Excel's "bad" text: readable in print, unmistakable on screen. */
export const BANNER_COLOR = "#C00000";

/** The banner's text for these findings, or null when no error stands. */
export function bannerText(findings: readonly Pick<Finding, "severity">[], lang: Lang): string | null {
  const errors = findings.filter((f) => f.severity === "error").length;
  if (errors === 0) return null;
  return lang === "zh-CN"
    ? `核查发现 ${errors} 项错误，详见核查结果`
    : `The check found ${errors} error${errors === 1 ? "" : "s"}: see Check Results`;
}

export function bannerStyle(font: string, size: number): CellStyle {
  return {
    font: { name: font, size, bold: true, color: BANNER_COLOR },
    horizontal: "left",
    vertical: "center",
    wrap: true,
  };
}

/** The banner links to the top of the 核查结果 sheet (its real name is resolved by the renderer's sheet plan). */
export function bannerLink(lang: Lang): HyperlinkSpec {
  return { sheet: DEFAULT_SHEET_NAMES[lang].findings, address: "A1", reportSheet: "findings" };
}
