/**
 * Every message the checker writes, in zh-CN and en-US. Amounts are shown in the table's own unit with 2 decimals
 * (more only when the cell really holds more), formatted from integer 分 by formatFen — never by float arithmetic.
 */
import { localized, type Localized } from "../i18n";
import { fenPerUnit, formatFen, type MoneyUnit } from "../money";
import { quoteText } from "../quote";
import { UNCALCULATED_CODE } from "../snapshot";
import { capitalize, type Name } from "./labels";

const UNIT_GLOSS: Record<MoneyUnit, string> = {
  元: "元 (yuan)",
  千元: "千元 (1,000 yuan)",
  万元: "万元 (10,000 yuan)",
  亿元: "亿元 (100 million yuan)",
};

/** 2 decimals, or as many more as the amount needs to be shown exactly (an amount read from 元 into 万元). */
export function amountText(fen: number, unit: MoneyUnit): string {
  const perUnit = fenPerUnit(unit);
  let decimals = 2;
  while (decimals < 12 && perUnit / 10 ** decimals >= 1 && fen % (perUnit / 10 ** decimals) !== 0)
    decimals += 1;
  return formatFen(fen, unit, decimals);
}

/** The unit in an English sentence, glossed once for readers who do not read 万元. */
export function unitGloss(unit: MoneyUnit): string {
  return UNIT_GLOSS[unit];
}

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

/** "基本支出 + 项目支出 = 10716.16 万元，合计填列 10726.16 万元，相差 10.00 万元" and its English twin. */
export function sumMessage(m: SumMessage): Localized {
  const e = amountText(m.expectedFen, m.unit);
  const a = amountText(m.actualFen, m.unit);
  const d = amountText(m.actualFen - m.expectedFen, m.unit);
  const u = m.unit;
  let zh = `${m.context.zh}：${m.parts.zh} = ${e} ${u}，${m.aggregate.zh}填列 ${a} ${u}，相差 ${d} ${u}`;
  let en = `${capitalize(m.context.en)}: ${m.parts.en} = ${e} ${unitGloss(u)}, ${m.aggregate.en} entered ${a}, difference ${d}`;
  if (m.roundingToleranceFen !== undefined) {
    const t = amountText(m.roundingToleranceFen, u);
    zh += `（尾差，在允许误差 ${t} ${u} 以内）`;
    en += `; a rounding difference (尾差) within the tolerance of ${t} ${u}`;
  }
  return localized(zh, en);
}

export interface CrossMessage {
  /** The expenditure table's column on its 合计 row, and the budget block's row in its 全年执行数 column. */
  readonly expenditurePart: Name;
  readonly budgetRow: Name;
  readonly budgetColumn: Name;
  readonly expenditureFen: number;
  readonly expenditureUnit: MoneyUnit;
  readonly budgetFen: number;
  readonly budgetUnit: MoneyUnit;
  readonly roundingToleranceFen?: number;
  /** The unit the tolerance is stated in (the coarser of the two). */
  readonly toleranceUnit: MoneyUnit;
}

export function crossMessage(m: CrossMessage): Localized {
  const x = amountText(m.expenditureFen, m.expenditureUnit);
  const b = amountText(m.budgetFen, m.budgetUnit);
  const d = amountText(m.expenditureFen - m.budgetFen, m.expenditureUnit);
  const xu = m.expenditureUnit;
  const bu = m.budgetUnit;
  let zh =
    `支出决算表合计行「${m.expenditurePart.zh}」填列 ${x} ${xu}，` +
    `预算执行情况「${m.budgetColumn.zh}」${m.budgetRow.zh}为 ${b} ${bu}，相差 ${d} ${xu}`;
  let en =
    `The expenditure table's total row shows ${m.expenditurePart.en} of ${x} ${unitGloss(xu)}, ` +
    `but the budget execution block's ${m.budgetColumn.en} of ${m.budgetRow.en} is ${b} ${unitGloss(bu)}; ` +
    `difference ${d} ${xu}`;
  if (m.roundingToleranceFen !== undefined) {
    const t = amountText(m.roundingToleranceFen, m.toleranceUnit);
    zh += `（尾差，在允许误差 ${t} ${m.toleranceUnit} 以内）`;
    en += `; a rounding difference (尾差) within the tolerance of ${t} ${m.toleranceUnit}`;
  }
  return localized(zh, en);
}

export function errorValueMessage(where: Name, code: string): Localized {
  // Not an error in the formula: the workbook was saved without calculating it, so there is no value to check.
  if (code === UNCALCULATED_CODE) {
    return localized(
      `${where.zh}：公式没有计算结果，请在 Excel 中重新计算并保存后再检查`,
      `${capitalize(where.en)}: the formula has no calculated result; recalculate and save the workbook in Excel, then check again`,
    );
  }
  return localized(
    `${where.zh}：错误值 ${code}，请修正公式或引用`,
    `${capitalize(where.en)}: error value ${code}; fix the formula or its reference`,
  );
}

export function unparsedMessage(where: Name, text: string): Localized {
  return localized(
    `${where.zh}：“${quoteText(text)}”不是金额，该单元格未参与求和校验`,
    `${capitalize(where.en)}: "${quoteText(text)}" is not an amount; the cell was left out of the sum checks`,
  );
}

export function textAmountMessage(where: Name, fen: number, unit: MoneyUnit): Localized {
  const a = amountText(fen, unit);
  return localized(
    `${where.zh}：金额 ${a} ${unit} 以文本形式存储，已按数值读取，建议改为数值格式`,
    `${capitalize(where.en)}: the amount ${a} ${unitGloss(unit)} is stored as text; it was read as a number, but should be entered as one`,
  );
}

export function negativeMessage(where: Name, fen: number, unit: MoneyUnit): Localized {
  const a = amountText(fen, unit);
  return localized(
    `${where.zh}：金额为负数 ${a} ${unit}，请确认`,
    `${capitalize(where.en)}: negative amount ${a} ${unitGloss(unit)}; please confirm it`,
  );
}

export interface OverspendMessage {
  readonly row: Name;
  readonly executedColumn: Name;
  readonly budgetColumn: Name;
  readonly executedFen: number;
  readonly budgetFen: number;
  readonly unit: MoneyUnit;
}

export function overspendMessage(m: OverspendMessage): Localized {
  const a = amountText(m.executedFen, m.unit);
  const e = amountText(m.budgetFen, m.unit);
  const d = amountText(m.executedFen - m.budgetFen, m.unit);
  const u = m.unit;
  return localized(
    `${m.row.zh}：${m.executedColumn.zh} ${a} ${u} 超过${m.budgetColumn.zh} ${e} ${u}，超出 ${d} ${u}`,
    `${capitalize(m.row.en)}: ${m.executedColumn.en} ${a} ${unitGloss(u)} exceeds the ${m.budgetColumn.en} ${e}, by ${d}`,
  );
}

export function tableMissingMessage(): Localized {
  return localized(
    "未找到可识别的表格（预算执行情况、支出决算表或绩效指标表），请检查表头名称是否与常用写法一致",
    "No known table was found (budget execution, expenditure table or performance indicators); check that the header labels use the usual wording",
  );
}
