/**
 * review.execution-rate: the 执行率 typed on the budget block's total row differs from 全年执行数 / 全年预算数 by more
 * than half a unit of its shown precision (at most half a percentage point), or is typed where it cannot be computed.
 */
import { localized } from "../../i18n";
import { formatFen } from "../../money";
import { cmp, fromInt, min, mul, sub as minus, toFixed } from "../../score/exact";
import { defineRule } from "../rule";
import {
  differs,
  executionRatio,
  percent,
  quoted,
  RATE_TOLERANCE,
  typedRate,
  writtenText,
} from "../typed-values";

export const reviewExecutionRate = defineRule({
  id: "review.execution-rate",
  meta: {
    table: "budget",
    severity: "warning",
    name: localized("执行率填报有误", "Typed execution rate"),
    description: localized(
      "预算执行表填报的执行率与全年执行数 ÷ 全年预算数不一致，或在无法计算执行率时填报了执行率",
      "The typed execution rate differs from 全年执行数 ÷ 全年预算数, or is typed where no rate can be computed",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const budget = workbook.budget;
    const cell = budget?.extra?.rate;
    if (!budget || !cell) return;
    const written = writtenText(cell.raw, cell.text);
    const typed = typedRate(cell.raw, cell.text);
    if (!typed) return; // blank, a dash, or text value.* rules do not read either: nothing typed to re-check
    const rate = executionRatio(scores);
    const x = scores.result.execution;
    if (rate === null) {
      const noBudget = x.budgetFen === null || x.budgetFen <= 0;
      const why = noBudget
        ? localized("全年预算数为空或为 0", "全年预算数 is blank or 0")
        : localized("全年执行数为空", "全年执行数 is blank");
      // The figure that is missing comes right after the typed rate (湖北 塘湖: 执行数 left blank, 100% typed).
      const executed = !noBudget && budget.total.cells.executed ? [budget.total.cells.executed.pos] : [];
      report({
        cells: [cell.pos, ...executed, ...(budget.total.cells.budget ? [budget.total.cells.budget.pos] : [])],
        message: localized(
          `执行率填报 ${quoted(written)}，但${why["zh-CN"]}，无法计算执行率：请补填全年预算数和全年执行数，或删去执行率`,
          `The execution rate is typed as ${quoted(written)}, but ${why["en-US"]}, so no rate can be computed: fill in 全年预算数 and 全年执行数, or clear the rate`,
        ),
      });
      return;
    }
    if (!differs(typed.value, rate, min(RATE_TOLERANCE, typed.halfUnit))) return;
    const unit = budget.unit;
    const formula = `${formatFen(x.executedFen ?? 0, unit)} ÷ ${formatFen(x.budgetFen ?? 0, unit)}`;
    const lower = cmp(typed.value, rate) < 0;
    const gap = toFixed(mul(lower ? minus(rate, typed.value) : minus(typed.value, rate), fromInt(100)), 2);
    report({
      cells: [
        cell.pos,
        ...(budget.total.cells.executed ? [budget.total.cells.executed.pos] : []),
        ...(budget.total.cells.budget ? [budget.total.cells.budget.pos] : []),
      ],
      message: localized(
        `执行率填报 ${quoted(written)}（${percent(typed.value)}），按全年执行数 ÷ 全年预算数 = ${formula} 应为 ${percent(rate)}，${lower ? "少填" : "多填"} ${gap} 个百分点：请改为 ${percent(rate)}`,
        `The execution rate is typed as ${quoted(written)} (${percent(typed.value)}); 全年执行数 ÷ 全年预算数 = ${formula} = ${percent(rate)}, ${gap} percentage points ${lower ? "less" : "more"}: change it to ${percent(rate)}`,
      ),
    });
  },
});
