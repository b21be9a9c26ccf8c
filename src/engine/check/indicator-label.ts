/** How the indicator rules name an indicator in their messages: its 三级指标 text, or its row when that is blank. */
import { quoteText } from "../quote";
import type { IndicatorLabel } from "../score/details";
import { capitalize } from "./labels";

/** “新签约项目数”, or 第 7 行指标. */
export function zhName(label: IndicatorLabel): string {
  return label.name ? `“${quoteText(label.name)}”` : `第 ${label.row + 1} 行指标`;
}

/** "新签约项目数", or the indicator on row 7. */
export function enName(label: IndicatorLabel): string {
  return label.name ? `"${quoteText(label.name)}"` : `the indicator on row ${label.row + 1}`;
}

/** The English name at the start of a sentence. */
export function enSubject(label: IndicatorLabel): string {
  return capitalize(enName(label));
}
