/**
 * quality.parent-row: an indicator numbered "一、" whose rows "1、2、3、" follow it, and whose 分值 (or, with no 分值
 * column, typed 得分) is exactly theirs added up (隆阳: "一、示范区建立" 15 over 5 + 5 + 5). It is their total, not an
 * indicator of its own, yet it is scored beside them: the points are counted twice.
 */
import { localized } from "../../i18n";
import type { IndicatorDetail } from "../../score/details";
import { add, cmp, type Ratio, ZERO } from "../../score/exact";
import { toHalfWidth } from "../../money";
import { defineRule } from "../rule";
import { points, quoted } from "../typed-values";

const PARENT = /^[一二三四五六七八九十]+[、.]/;
const CHILD = /^\d{1,2}[、.](?!\d)/;

interface Found {
  readonly parent: IndicatorDetail;
  readonly children: readonly IndicatorDetail[];
  readonly value: Ratio;
}

export const qualityParentRow = defineRule({
  id: "quality.parent-row",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("合计行重复计分", "Parent row scored twice"),
    description: localized(
      "编号为“一、”的指标行的分值（或得分）恰为其下“1、2、3、”各行之和，它是这些行的合计，却与它们一起计分",
      "A row numbered “一、” whose points are exactly those of the rows “1、2、3、” under it: it is their total, yet it is scored beside them",
    ),
  },
  checkScores({ scores, report }) {
    const rows = scores.indicators;
    // Weights when every row has one; else the typed scores (a form with no 分值 column); else nothing to add up.
    const byWeight = rows.every((d) => d.weightRead.kind === "ok");
    const valueOf = (d: IndicatorDetail): Ratio | null => (byWeight ? d.weight : d.typed);
    const found: Found[] = [];
    for (let i = 0; i < rows.length; i++) {
      const parent = rows[i];
      const value = valueOf(parent);
      if (!PARENT.test(nameOf(parent)) || value === null) continue;
      const children: IndicatorDetail[] = [];
      for (let j = i + 1; j < rows.length && CHILD.test(nameOf(rows[j])); j++) children.push(rows[j]);
      const values = children.map(valueOf);
      if (children.length < 2 || values.some((v) => v === null)) continue;
      const sum = values.reduce<Ratio>((s, v) => add(s, v ?? ZERO), ZERO);
      if (cmp(sum, value) === 0 && cmp(value, ZERO) > 0) found.push({ parent, children, value });
    }
    if (found.length === 0) return;
    const cellOf = (d: IndicatorDetail) =>
      byWeight ? d.row.weight.cell.pos : (d.row.score?.cell.pos ?? d.row.name.pos);
    const zh = found.map(
      (f) => `${quoted(nameOf(f.parent))}的 ${points(f.value)} 分是其下 ${f.children.length} 行之和`,
    );
    const en = found.map(
      (f) =>
        `${quoted(nameOf(f.parent))}'s ${points(f.value)} points are the sum of the ${f.children.length} rows under it`,
    );
    report({
      cells: found.map((f) => cellOf(f.parent)),
      message: localized(
        `${zh.join("，")}，与分项行一起计分会重复计算：请删去合计行的${byWeight ? "分值" : "得分"}，或将其写作分组标题`,
        `${en.join("; ")}: scored beside those rows it counts them twice; clear its ${byWeight ? "分值" : "得分"} or make it a heading`,
      ),
    });
  },
});

function nameOf(d: IndicatorDetail): string {
  return toHalfWidth(d.row.name.text).replace(/\s+/g, "");
}
