/** How a disagreeing figure of the prose becomes a finding: the sentence quoted, both figures, the cell. */
import { localized } from "../i18n";
import type { ReportDescriptor } from "../rules/rule";
import type { ComparisonKind, TextComparison } from "./match";

/** The finding's words: “sentence”, what the text says, and what the table holds (or the rules compute). */
export function textDescriptor(c: TextComparison): ReportDescriptor {
  const source =
    c.kind === "score" || c.kind === "grade"
      ? localized("按评分规则计算为", "the scoring rules give")
      : c.computed
        ? localized("按表计算为", "the tables give")
        : localized("表中为", "the table has");
  return {
    cells: c.cell ? [c.cell] : [],
    table: c.table,
    message: localized(
      `报告文字“${c.sentence}”中${c.subject["zh-CN"]}为“${c.stated}”，${source["zh-CN"]} ${c.recorded["zh-CN"]}`,
      `The report's text "${c.sentence}" gives ${c.subject["en-US"]} as "${c.stated}"; ${source["en-US"]} ${c.recorded["en-US"]}`,
    ),
    ...(c.money
      ? {
          expectedFen: c.money.recorded,
          actualFen: c.money.stated,
          differenceFen: c.money.stated - c.money.recorded,
          unit: c.money.unit,
        }
      : {}),
    text: { sentence: c.sentence, stated: c.stated, subject: c.subject, recorded: c.recorded },
  };
}

/** Reports every comparison of `kind` that disagrees. */
export function reportDisagreements(
  comparisons: readonly TextComparison[],
  kind: ComparisonKind,
  report: (d: ReportDescriptor) => void,
): void {
  for (const c of comparisons) if (c.kind === kind && !c.agrees) report(textDescriptor(c));
}
