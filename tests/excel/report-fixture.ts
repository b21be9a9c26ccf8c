/**
 * An accountant's workbook in the fake (Hunan 自评表 layout plus a 基本情况 sheet), and the add-in's pipeline over it:
 * read through the gateway, evaluate, build the report spec, write it back through the gateway.
 */
import { evaluateWorkbook } from "../../src/engine/evaluate";
import type { Lang } from "../../src/engine/i18n";
import { buildReport, type ReportSpec } from "../../src/engine/report/index";
import { readWorkbook } from "../../src/gateway/office/read";
import { writeReport, type WriteResult } from "../../src/gateway/office/write";
import { FakeExcel, type FakeValue } from "../fakes/excel-fake";
import { INDICATOR_HEADER, SEED } from "../fixtures/seed";

/** Text a hostile or careless user might put in cells: it must reach the report as text, never as a formula. */
export const HOSTILE_DEPARTMENT = '=HYPERLINK("http://example.invalid","岳阳市君山产业开发区管委会")';
export const HOSTILE_REASON = "=1+1 两个项目受汛期影响延期，下一步加强调度";
/** A 三级指标 written as a code: Excel's General format would turn it into the number 7. */
export const HOSTILE_NAME = "007";

const LEVELS: readonly [string, string, string, string][] = [
  ["产出指标", "数量指标", "≥15个", "17个"],
  ["产出指标", "质量指标", "100%", "100%"],
  ["产出指标", "时效指标", "≥90%", "88%"],
  ["产出指标", "成本指标", "≤260万元", "255.3万元"],
  ["效益指标", "经济效益指标", "≥5%", "6%"],
  ["效益指标", "社会效益指标", "持续优化", "达成年度指标"],
  ["满意度指标", "服务对象满意度指标", "≥90%", "95%"],
];

/** `count` indicator rows cycling through the indicator tree; weights total 90 when count is 10. */
function indicatorRows(count: number): (FakeValue | null)[][] {
  const rows: (FakeValue | null)[][] = [];
  for (let i = 0; i < count; i++) {
    const [l1, l2, target, actual] =
      LEVELS[Math.min(Math.floor((i * LEVELS.length) / count), LEVELS.length - 1)];
    const reason = target === "≥90%" ? HOSTILE_REASON : null;
    const name = i === 0 ? HOSTILE_NAME : `指标${i + 1}：${l2.replace("指标", "")}完成情况`;
    rows.push([l1, l2, name, target, actual, count === 10 ? 9 : 1, null, reason]);
  }
  return rows;
}

/** The workbook as the accountant keeps it; `indicators` rows in the indicators table. */
export function accountantWorkbook(indicators = 10): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("自评表", {
    rows: [
      ["2023年度部门整体支出绩效自评表", null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, "单位：万元"],
      ["年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null],
      // The executed total typed as text with a thousands separator, as budget systems export it.
      ["年度资金总额", SEED.total, SEED.total, "10,716.16", 10, "100%", 10, null],
      ["按收入性质分：", null, null, null, null, null, null, null],
      ["  其中：一般公共预算", SEED.general, SEED.general, SEED.general, null, null, null, null],
      ["        政府性基金", SEED.fund, SEED.fund, SEED.fund, null, null, null, null],
      ["按支出性质分：", null, null, null, null, null, null, null],
      ["  其中：基本支出", SEED.basic, SEED.basic, SEED.basic, null, null, null, null],
      ["        项目支出", SEED.project, SEED.project, SEED.project, null, null, null, null],
      [null, null, null, null, null, null, null, null],
      [...INDICATOR_HEADER],
      ...indicatorRows(indicators),
    ],
    merges: ["A1:H1"],
  });
  fake.addSheet("基本情况", {
    rows: [
      ["部门（单位）基本情况", null],
      ["部门名称", HOSTILE_DEPARTMENT],
      ["评价年度", "2023年度"],
      ["职能职责", "负责园区规划建设、招商引资和企业服务。"],
    ],
  });
  return fake;
}

/** Reads the workbook through the gateway and builds the report spec, as the task pane does. */
export async function specFor(fake: FakeExcel, lang: Lang = "zh-CN"): Promise<ReportSpec> {
  const snapshot = await fake.run((context) => readWorkbook(context));
  return buildReport(evaluateWorkbook(snapshot), lang);
}

/** One "一键生成": read, evaluate, build, write; the sync log afterwards holds the write's syncs only. */
export async function generate(
  fake: FakeExcel,
  lang: Lang = "zh-CN",
): Promise<{ spec: ReportSpec; result: WriteResult }> {
  const spec = await specFor(fake, lang);
  fake.resetSyncLog();
  const result = await fake.run((context) => writeReport(context, spec));
  return { spec, result };
}
