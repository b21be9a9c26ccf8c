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

/**
 * The banner's text for these findings, or null when no error stands. An error the filer explained (出错说明) still
 * counts: the line then says how many of them are explained.
 */
export function bannerText(
  findings: readonly Pick<Finding, "severity" | "confirmation">[],
  lang: Lang,
): string | null {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length === 0) return null;
  const n = errors.length;
  const explained = errors.filter((f) => f.confirmation).length;
  if (lang === "zh-CN")
    return explained > 0
      ? `核查发现 ${n} 项错误，其中 ${explained} 项已说明，详见核查结果`
      : `核查发现 ${n} 项错误，详见核查结果`;
  const found = `The check found ${n} error${n === 1 ? "" : "s"}`;
  return explained > 0
    ? `${found}, ${explained} of them explained: see Check Results`
    : `${found}: see Check Results`;
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
