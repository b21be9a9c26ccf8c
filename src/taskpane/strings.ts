/** Every text the task pane shows, in zh-CN (the default: the users are Chinese accountants) and en-US. */
import type { Lang } from "../engine/i18n";

export type ActionId = "generate" | "check";

export interface UiStrings {
  readonly title: string;
  readonly intro: string;
  readonly privacy: string;
  readonly actions: Readonly<Record<ActionId, { readonly label: string; readonly hint: string }>>;
  readonly status: {
    readonly connecting: string;
    readonly excel: string;
    readonly preview: string;
  };
  /** What a click answers while the pipeline behind the button is not wired in yet. */
  readonly actionInExcel: (action: string) => string;
  readonly actionInPreview: (action: string) => string;
  readonly actionTitleExcel: string;
  readonly actionTitlePreview: string;
  /** The switch shows the *other* language's name, in that language, so a user who cannot read this one finds it. */
  readonly switchLanguage: string;
  readonly switchLanguageLabel: string;
  readonly logoAlt: string;
}

export const STRINGS: Readonly<Record<Lang, UiStrings>> = {
  "zh-CN": {
    title: "绩效自评助手",
    intro:
      "核对部门整体支出绩效自评表中的合计与勾稽关系（预算执行、支出决算、绩效指标），按规则计算指标得分，并生成自评表和自评报告。",
    privacy: "所有数据只在本机处理，不会上传。",
    actions: {
      generate: { label: "一键生成自评报告", hint: "读取本工作簿，核对、评分，并写入自评表和自评报告。" },
      check: { label: "一致性检查", hint: "列出合计不符、单位不一致等问题及其所在单元格。" },
    },
    status: {
      connecting: "正在连接 Excel…",
      excel: "已连接 Excel",
      preview: "预览模式（未在 Excel 中运行）",
    },
    actionTitleExcel: "Excel 已就绪",
    actionTitlePreview: "预览模式",
    actionInExcel: (action) => `“${action}”正在开发中，将在后续版本中提供。`,
    actionInPreview: (action) => `当前页面未在 Excel 中运行。请在 Excel 中加载本加载项后使用“${action}”。`,
    switchLanguage: "English",
    switchLanguageLabel: "切换为英文界面",
    logoAlt: "绩效自评助手图标",
  },
  "en-US": {
    title: "Self-Evaluation Assistant",
    intro:
      "Checks the totals and cross-references of a department's performance self-evaluation workbook (budget execution, expenditure accounts, performance indicators), scores the indicators by the rules, and writes the self-evaluation table and report.",
    privacy: "All data is processed on this computer and never uploaded.",
    actions: {
      generate: {
        label: "Generate self-evaluation report",
        hint: "Reads this workbook, checks and scores it, and writes the table and the report.",
      },
      check: {
        label: "Consistency check",
        hint: "Lists totals that do not add up, mixed units and similar problems, with their cells.",
      },
    },
    status: {
      connecting: "Connecting to Excel…",
      excel: "Running in Excel",
      preview: "Preview mode (not running in Excel)",
    },
    actionTitleExcel: "Excel is ready",
    actionTitlePreview: "Preview mode",
    actionInExcel: (action) => `"${action}" is being built and arrives in a later version.`,
    actionInPreview: (action) =>
      `This page is not running inside Excel. Load the add-in in Excel to use "${action}".`,
    switchLanguage: "中文",
    switchLanguageLabel: "Switch to Chinese",
    logoAlt: "Self-Evaluation Assistant icon",
  },
};

export function uiStrings(lang: Lang): UiStrings {
  return STRINGS[lang];
}
