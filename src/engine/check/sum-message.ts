/**
 * The message of the three sum rules (sum.breakdown, sum.row, sum.column) and of their 尾差: amounts in the table's own
 * unit, formatted from integer 分 (amountDigits), never by float arithmetic.
 */
import { amountDigits, amountGap, unitGloss } from "../format";
import { localized, type Localized } from "../i18n";
import type { MoneyUnit } from "../money";
import { capitalize, type Name } from "./labels";

export interface SumMessage {
  /** Where the sum sits: a column of the budget block, an expenditure row, a column of the expenditure table. */
  readonly context: Name;
  /** What was added up: "基本支出 + 项目支出". */
  readonly parts: Name;
  /** The cell that should hold the sum: "年度资金总额", "合计". */
  readonly aggregate: Name;
  readonly expectedFen: number;
  readonly actualFen: number;
  readonly unit: MoneyUnit;
  /** Set when the difference is 尾差: the tolerance it stayed within. */
  readonly roundingToleranceFen?: number;
}

/**
 * "基本支出 + 项目支出 = 10,716.16 万元，合计填列 10,726.16 万元，相差 10.00 万元，填列数多于分项之和" and its English
 * twin: the gap without a sign, the words saying which way it goes.
 */
export function sumMessage(m: SumMessage): Localized {
  const e = amountDigits(m.expectedFen, m.unit);
  const a = amountDigits(m.actualFen, m.unit);
  const { gap, more } = amountGap(m.actualFen, m.expectedFen, m.unit);
  const u = m.unit;
  let zh =
    `${m.context.zh}：${m.parts.zh} = ${e} ${u}，${m.aggregate.zh}填列 ${a} ${u}，` +
    `相差 ${gap} ${u}，填列数${more ? "多于" : "少于"}分项之和`;
  let en =
    `${capitalize(m.context.en)}: ${m.parts.en} = ${e} ${unitGloss(u)}, ${m.aggregate.en} entered ${a}, ` +
    `${gap} ${more ? "more" : "less"} than the sum`;
  if (m.roundingToleranceFen !== undefined) {
    const t = amountDigits(m.roundingToleranceFen, u);
    zh += `（尾差，在允许误差 ${t} ${u} 以内）`;
    en += `; a rounding difference (尾差) within the tolerance of ${t} ${u}`;
  }
  return localized(zh, en);
}
