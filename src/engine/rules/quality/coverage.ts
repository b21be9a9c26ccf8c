/**
 * quality.coverage: the indicator tree misses a part the forms require — 产出 (数量, 质量, 时效, 成本), 效益 and
 * 满意度. Judged only where the table has 一级/二级 columns and two 一级 groups or more; a group named only on a
 * template row counts as missing.
 */
import { localized } from "../../i18n";
import { defineRule } from "../rule";

interface Part {
  readonly zh: string;
  readonly en: string;
  readonly found: RegExp;
  /** Where to look: the 二级 heading (产出's parts), or any heading and the indicator's name. */
  readonly in: "level2" | "any";
}

const PARTS: readonly Part[] = [
  { zh: "数量指标", en: "quantity (数量)", found: /数量/, in: "level2" },
  { zh: "质量指标", en: "quality (质量)", found: /质量/, in: "level2" },
  { zh: "时效指标", en: "timeliness (时效)", found: /时效|及时/, in: "level2" },
  { zh: "成本指标", en: "cost (成本)", found: /成本/, in: "level2" },
  { zh: "效益指标", en: "benefit (效益)", found: /效益|影响/, in: "any" },
  { zh: "满意度指标", en: "satisfaction (满意度)", found: /满意/, in: "any" },
];

export const qualityCoverage = defineRule({
  id: "quality.coverage",
  meta: {
    table: "indicators",
    severity: "warning",
    name: localized("指标体系不完整", "Incomplete indicator set"),
    description: localized(
      "绩效指标缺少产出（数量、质量、时效、成本）、效益或满意度中的某一类",
      "The indicators miss one of 产出 (数量, 质量, 时效, 成本), 效益 or 满意度",
    ),
  },
  checkScores({ workbook, scores, report }) {
    const table = workbook.indicators;
    // A 评分表's criteria (规划 / 执行 / 效果 …) follow its own framework, not 产出 / 效益 / 满意度.
    if (!table || table.byCriteria || scores.indicators.length === 0) return;
    if (!table.headers.level1 && !table.headers.level2) return;
    // A table under one 一级 heading is a part of a form (an excerpt pasted alone), not the whole indicator set.
    const groups = new Set(scores.indicators.map((d) => d.row.level1).filter((l) => l !== ""));
    if (groups.size < 2) return;
    const missing = PARTS.filter(
      (p) =>
        !scores.indicators.some((d) =>
          p.found.test(p.in === "level2" ? d.row.level2 : `${d.row.level1}${d.row.level2}${d.row.name.text}`),
        ),
    );
    if (missing.length === 0) return;
    const header = table.headers.level2 ?? table.headers.level1 ?? table.headers.name;
    report({
      cells: [header.pos],
      message: localized(
        `绩效指标缺少${missing.map((p) => p.zh).join("、")}：产出指标应含数量、质量、时效、成本指标，并设效益指标和满意度指标；请补充`,
        `The indicators have no ${missing.map((p) => p.en).join(", ")} indicator: 产出 should cover quantity, quality, timeliness and cost, with benefit and satisfaction indicators besides; add them`,
      ),
    });
  },
});
