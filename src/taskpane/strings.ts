/** Every text the task pane shows, in zh-CN (the default: the users are Chinese accountants) and en-US. */
import type { StepId } from "../app/pipeline";
import type { Severity } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import type { Grade } from "../engine/score/types";

export type ActionId = "generate" | "check";

export type ViewId = "generate" | "check" | "score" | "settings";

/** The host a pane connects to, as its page knows before detection answers. */
export type ConnectingTo = "excel" | "wps";

export interface UiStrings {
  readonly title: string;
  readonly intro: string;
  readonly privacy: string;
  readonly actions: Readonly<Record<ActionId, { readonly label: string; readonly hint: string }>>;
  readonly status: {
    readonly connecting: Readonly<Record<ConnectingTo, string>>;
    readonly excel: string;
    readonly wps: string;
    readonly preview: string;
  };
  /** Title of the message a click gets in preview mode when no workbook is open there. */
  readonly actionTitlePreview: string;
  /** The switch shows the *other* language's name, in that language, so a user who cannot read this one finds it. */
  readonly switchLanguage: string;
  readonly switchLanguageLabel: string;
  readonly logoAlt: string;

  readonly views: Readonly<Record<ViewId, string>>;
  readonly viewsLabel: string;
  readonly steps: Readonly<Record<StepId, string>>;
  readonly progressLabel: string;
  readonly stepOf: (index: number, total: number, name: string) => string;

  readonly summary: {
    readonly heading: string;
    readonly total: string;
    readonly grade: string;
    readonly executionRate: string;
    readonly none: string;
    readonly counts: Readonly<Record<Severity, string>>;
    readonly openReport: string;
    readonly written: (sheets: string) => string;
  };
  readonly grades: Readonly<Record<Grade, string>>;

  readonly check: {
    readonly run: string;
    readonly mark: string;
    readonly clear: string;
    readonly empty: string;
    readonly severities: Readonly<Record<Severity, string>>;
    readonly expected: string;
    readonly actual: string;
    readonly difference: string;
    readonly goTo: (where: string) => string;
    readonly marked: (cells: number) => string;
    readonly cleared: (cells: number) => string;
    readonly protectedSkipped: (sheets: string) => string;
    readonly truncated: string;
  };

  readonly score: {
    /** The line above the score chart: "预算执行率 100.00%". */
    readonly rateLine: (rate: string) => string;
    readonly run: string;
    readonly notRun: string;
    readonly noScore: string;
    /** The project forms (issue 13): the list's heading, and each project's line and its button's label. */
    readonly projects: string;
    readonly projectScore: (total: string, grade: string) => string;
    readonly selectProject: (name: string) => string;
    readonly execution: string;
    readonly target: string;
    readonly actual: string;
    readonly weight: string;
    readonly score: string;
    readonly total: (total: string, grade: string) => string;
    readonly weightsTotal: (weights: string) => string;
    readonly cappedFrom: (before: string) => string;
    readonly missing: string;
    readonly invalid: string;
    readonly outOfTier: string;
    readonly shortfall: string;
    readonly overachieved: string;
  };

  /** The filer's 出错说明 (说明并确认 / 撤销说明) on each finding of the check. */
  readonly confirm: {
    readonly open: string;
    readonly label: string;
    readonly placeholder: string;
    readonly required: string;
    readonly save: string;
    readonly cancel: string;
    readonly explained: (text: string) => string;
    readonly undo: string;
    readonly lapsed: (text: string) => string;
    readonly saved: string;
    readonly removed: string;
    /** After saving or withdrawing while a report is in the workbook: its banner and 核查结果 show the old state. */
    readonly regenerate: string;
    /** A severity heading's count when some of its findings are explained. */
    readonly count: (total: number, explained: number) => string;
    readonly lapsedNotice: (count: number) => string;
  };

  /** 核对报告文字: the report's own prose against the tables. */
  readonly text: {
    readonly heading: string;
    readonly hint: string;
    readonly open: string;
    readonly opened: (name: string) => string;
    readonly removeFile: string;
    readonly pasteLabel: string;
    readonly pastePlaceholder: string;
    readonly run: string;
    readonly read: (sentences: number, compared: number) => string;
    readonly agrees: string;
    /** No finding because no figure was compared: not the same as agreeing. */
    readonly nothingCompared: string;
    readonly resultsLabel: string;
  };

  /** The MessageBar over a report written while errors stand (its text is the report's banner, bannerText). */
  readonly banner: { readonly showFindings: string };
  /** 下载 Word 报告: the Word 自评报告 of the last evaluation, made in the page. */
  readonly word: {
    readonly download: string;
    readonly hint: string;
    readonly failed: string;
    /** Excel for Mac and iPad: their webview may not save files; where the report can be had instead. */
    readonly desktopNote: string;
  };

  readonly template: {
    readonly insert: string;
    readonly hint: string;
    /** 插入项目模板: one 项目支出绩效自评表 (issue 13 §4). */
    readonly insertProject: string;
    readonly projectHint: string;
    readonly inserted: (sheets: string) => string;
  };

  readonly settings: {
    readonly heading: string;
    readonly reportLang: string;
    readonly followUi: string;
    readonly zh: string;
    readonly en: string;
    readonly caps: string;
    readonly capsHint: string;
    readonly qualitative: string;
    readonly outOfRange: (min: string, max: string) => string;
    /** For a limit that is itself excluded (the tier shares: 部分达成 60 up to, not including, 80). */
    readonly belowRange: (min: string, max: string) => string;
    readonly save: string;
    readonly reset: string;
    readonly saved: string;
  };

  readonly errorTitles: Readonly<Record<PaneAction, string>>;
  readonly dismiss: string;
  /** Joins a list of names for a sentence. */
  readonly list: (items: readonly string[]) => string;
}

/** Every action the pane runs, for the title of its error message. */
export type PaneAction =
  | "generate"
  | "check"
  | "score"
  | "mark"
  | "clear"
  | "select"
  | "checkText"
  | "open"
  | "template"
  | "loadSettings"
  | "saveSettings"
  | "confirm"
  | "unconfirm";

const ZH: UiStrings = {
  title: "绩效自评助手",
  intro:
    "核对部门整体支出绩效自评表中的合计与勾稽关系（预算执行、支出决算、绩效指标），按规则计算指标得分，并生成自评表和自评报告。",
  privacy: "所有数据只在本机处理，不会上传。",
  actions: {
    generate: { label: "一键生成自评报告", hint: "读取本工作簿，核对、评分，并写入自评表和自评报告。" },
    check: { label: "一致性检查", hint: "列出合计不符、单位不一致等问题及其所在单元格。" },
  },
  status: {
    connecting: { excel: "正在连接 Excel…", wps: "正在连接 WPS 表格…" },
    excel: "已连接 Excel",
    wps: "已连接 WPS 表格",
    preview: "预览模式（未在 Excel 中运行）",
  },
  actionTitlePreview: "预览模式",
  switchLanguage: "English",
  switchLanguageLabel: "切换为英文界面",
  logoAlt: "绩效自评助手图标",

  views: { generate: "生成报告", check: "一致性检查", score: "评分", settings: "设置" },
  viewsLabel: "功能",
  steps: { read: "读取工作簿", check: "核查", score: "评分", write: "写入报告" },
  progressLabel: "进度",
  stepOf: (index, total, name) => `第 ${index}/${total} 步：${name}`,

  summary: {
    heading: "自评结果",
    total: "总分",
    grade: "等级",
    executionRate: "预算执行率",
    none: "—",
    counts: { error: "错误", warning: "警告", notice: "提示" },
    openReport: "打开自评表",
    written: (sheets) => `已写入工作表：${sheets}。`,
  },
  grades: { 优: "优", 良: "良", 中: "中", 差: "差" },

  check: {
    run: "开始检查",
    mark: "标记问题单元格",
    clear: "清除标记",
    empty: "未发现问题：各项合计与勾稽关系一致。",
    severities: { error: "错误", warning: "警告", notice: "提示" },
    expected: "应为",
    actual: "实际",
    difference: "差额",
    goTo: (where) => `转到 ${where}`,
    marked: (cells) => `已标记 ${cells} 个单元格。`,
    cleared: (cells) => `已恢复 ${cells} 个单元格的原有填充色。`,
    protectedSkipped: (sheets) => `工作表 ${sheets} 受保护，未作改动。`,
    truncated: "问题涉及的单元格过多，只标记了前一部分。",
  },

  score: {
    rateLine: (rate) => `预算执行率 ${rate}`,
    run: "计算得分",
    notRun: "点击“计算得分”按规则为各项指标评分。",
    noScore: "工作簿中没有找到预算执行情况表或绩效指标表，无法评分。",
    projects: "项目支出绩效自评",
    projectScore: (total, grade) => `${total} 分 · ${grade}`,
    selectProject: (name) => `选中“${name}”的自评表`,
    execution: "预算执行率",
    target: "指标值",
    actual: "完成值",
    weight: "分值",
    score: "得分",
    total: (total, grade) => `总分 ${total}，等级“${grade}”`,
    weightsTotal: (weights) => `分值合计 ${weights}（应为 100）`,
    cappedFrom: (before) => `按执行率封顶，原为 ${before}`,
    missing: "缺少完成值",
    invalid: "无法识别",
    outOfTier: "得分超出档次",
    shortfall: "未满分",
    overachieved: "超额完成",
  },

  confirm: {
    open: "说明并确认",
    label: "出错说明",
    placeholder: "写明该问题的原因，例如：年中追加预算已经批复，决算以批复数为准。",
    required: "请填写出错说明。",
    save: "确认",
    cancel: "取消",
    explained: (text) => `出错说明：${text}`,
    undo: "撤销说明",
    lapsed: (text) => `原出错说明已失效（相关数据已修改）：${text}`,
    saved: "出错说明已保存到本工作簿。",
    removed: "已撤销出错说明。",
    regenerate: "已生成的报告尚未包含这一变化，请重新生成报告。",
    count: (total, explained) => `（${total} 项，其中 ${explained} 项已说明）`,
    lapsedNotice: (count) => `${count} 项出错说明所依据的数据已修改，说明已失效，请核对后重新说明。`,
  },

  text: {
    heading: "核对报告文字",
    hint: "打开自评报告（Word .docx 或文本 .txt），或粘贴报告文字，核对其中的金额、比率、分数、等级和数量是否与表格一致。",
    open: "打开报告文件…",
    opened: (name) => `已选择：${name}`,
    removeFile: "改为粘贴文字",
    pasteLabel: "报告文字",
    pastePlaceholder: "在此粘贴自评报告的文字",
    run: "核对报告文字",
    read: (sentences, compared) => `共 ${sentences} 句，其中 ${compared} 个数字与表格对照。`,
    agrees: "报告文字与表格一致。",
    nothingCompared:
      "报告文字中没有找到可与表格对照的数字（金额、比率、分数、等级、数量），无法判断是否一致；核对只读中文叙述。",
    resultsLabel: "报告文字核对结果",
  },

  banner: { showFindings: "查看核查结果" },
  word: {
    download: "下载 Word 报告",
    hint: "按公文格式（GB/T 9704）排版的自评报告，附自评表；在本机生成，不上传。",
    failed: "未能生成 Word 报告",
    desktopNote:
      "Mac 和 iPad 上的 Excel 可能不允许从任务窗格保存文件：若未出现保存提示，请在网页版 Excel 中下载，或使用命令行 selfeval generate --docx。",
  },

  template: {
    insert: "插入模板",
    hint: "从空白开始？插入预算执行、支出决算、绩效指标和部门信息四张填报表（不会覆盖已有工作表）。",
    insertProject: "插入项目模板",
    projectHint: "插入一张项目支出绩效自评表（不会覆盖已有工作表）；每个项目可各插入一张。",
    inserted: (sheets) => `已插入工作表：${sheets}。请将蓝色示例数据替换为本单位数据。`,
  },

  settings: {
    heading: "设置（随工作簿保存）",
    reportLang: "报告语言",
    followUi: "与界面一致",
    zh: "中文",
    en: "English",
    caps: "按预算执行率限制总分",
    capsHint: "执行率 70%–80% 最高 89 分，60%–70% 最高 79 分，依此类推。",
    qualitative: "定性指标默认得分比例（%）",
    outOfRange: (min, max) => `请输入 ${min} 到 ${max} 之间的数。`,
    belowRange: (min, max) => `请输入不小于 ${min} 且小于 ${max} 的数。`,
    save: "保存设置",
    reset: "恢复默认",
    saved: "设置已保存到本工作簿。",
  },

  errorTitles: {
    generate: "未能生成自评报告",
    check: "未能完成检查",
    score: "未能完成评分",
    mark: "未能标记单元格",
    clear: "未能清除标记",
    select: "未能定位单元格",
    checkText: "未能核对报告文字",
    open: "未能打开自评表",
    template: "未能插入模板",
    loadSettings: "未能读取设置",
    saveSettings: "未能保存设置",
    confirm: "未能保存出错说明",
    unconfirm: "未能撤销出错说明",
  },
  dismiss: "关闭",
  list: (items) => items.map((i) => `“${i}”`).join("、"),
};

const EN: UiStrings = {
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
    connecting: { excel: "Connecting to Excel…", wps: "Connecting to WPS Spreadsheets…" },
    excel: "Running in Excel",
    wps: "Connected to WPS Spreadsheets",
    preview: "Preview mode (not running in Excel)",
  },
  actionTitlePreview: "Preview mode",
  switchLanguage: "中文",
  switchLanguageLabel: "Switch to Chinese",
  logoAlt: "Self-Evaluation Assistant icon",

  views: { generate: "Report", check: "Check", score: "Scores", settings: "Settings" },
  viewsLabel: "Features",
  steps: { read: "Reading the workbook", check: "Checking", score: "Scoring", write: "Writing the report" },
  progressLabel: "Progress",
  stepOf: (index, total, name) => `Step ${index} of ${total}: ${name}`,

  summary: {
    heading: "Result",
    total: "Total score",
    grade: "Grade",
    executionRate: "Budget execution",
    none: "—",
    counts: { error: "Errors", warning: "Warnings", notice: "Notices" },
    openReport: "Open the evaluation table",
    written: (sheets) => `Sheets written: ${sheets}.`,
  },
  grades: { 优: "Excellent", 良: "Good", 中: "Fair", 差: "Poor" },

  check: {
    run: "Run the check",
    mark: "Mark problem cells",
    clear: "Clear marks",
    empty: "No problems found: every total and cross-reference agrees.",
    severities: { error: "Errors", warning: "Warnings", notice: "Notices" },
    expected: "Expected",
    actual: "Actual",
    difference: "Difference",
    goTo: (where) => `Go to ${where}`,
    marked: (cells) => `${cells} cell${cells === 1 ? "" : "s"} marked.`,
    cleared: (cells) => `The original fill of ${cells} cell${cells === 1 ? "" : "s"} restored.`,
    protectedSkipped: (sheets) => `Protected sheets left unchanged: ${sheets}.`,
    truncated: "The findings name too many cells; only the first ones were marked.",
  },

  score: {
    rateLine: (rate) => `Budget execution rate ${rate}`,
    run: "Compute scores",
    notRun: 'Click "Compute scores" to score the indicators by the rules.',
    noScore:
      "The workbook has no budget execution table and no indicators table, so there is nothing to score.",
    projects: "Project self-evaluations",
    projectScore: (total, grade) => `${total} · grade ${grade}`,
    selectProject: (name) => `Select the form of “${name}”`,
    execution: "Budget execution rate",
    target: "Target",
    actual: "Actual",
    weight: "Weight",
    score: "Score",
    total: (total, grade) => `Total ${total}, grade "${grade}"`,
    weightsTotal: (weights) => `Weights total ${weights} (should be 100)`,
    cappedFrom: (before) => `Capped by the execution rate, was ${before}`,
    missing: "No actual value",
    invalid: "Unreadable",
    outOfTier: "Score outside its tier",
    shortfall: "Below full marks",
    overachieved: "Over-completed",
  },

  confirm: {
    open: "Explain and confirm",
    label: "Explanation",
    placeholder:
      "Say why this is so, e.g.: the mid-year budget increase was approved; the final accounts follow the approval.",
    required: "Write an explanation.",
    save: "Confirm",
    cancel: "Cancel",
    explained: (text) => `Explanation: ${text}`,
    undo: "Withdraw explanation",
    lapsed: (text) => `The earlier explanation no longer holds (the figures changed): ${text}`,
    saved: "Explanation saved in this workbook.",
    removed: "Explanation withdrawn.",
    regenerate: "The report already in the workbook does not show this yet: generate it again.",
    count: (total, explained) => ` (${total}, ${explained} explained)`,
    lapsedNotice: (count) =>
      `${count} explanation${count === 1 ? "" : "s"} no longer ${count === 1 ? "holds" : "hold"}: the figures changed. Check them and explain again.`,
  },

  text: {
    heading: "Check the report's text",
    hint: "Open the self-evaluation report (Word .docx or text .txt), or paste its text, to check its amounts, rates, scores, grades and counts against the tables.",
    open: "Open the report file…",
    opened: (name) => `Chosen: ${name}`,
    removeFile: "Paste text instead",
    pasteLabel: "Report text",
    pastePlaceholder: "Paste the report's text here",
    run: "Check the report's text",
    read: (sentences, compared) =>
      `${sentences} sentence${sentences === 1 ? "" : "s"}, ${compared} figure${compared === 1 ? "" : "s"} compared with the tables.`,
    agrees: "The report's text agrees with the tables.",
    nothingCompared:
      "No figure in the report's text could be compared with the tables (amounts, rates, scores, grades, counts), so whether it agrees cannot be told; the check reads Chinese prose only.",
    resultsLabel: "Results of the report's text check",
  },

  banner: { showFindings: "Show the findings" },
  word: {
    download: "Download Word report",
    hint: "The self-evaluation report set as an official document (GB/T 9704), with the table as its annex; made on this computer, nothing uploaded.",
    failed: "The Word report could not be made",
    desktopNote:
      "Excel for Mac and iPad may not let the task pane save files: if no save prompt appears, download it in Excel on the web, or use the command line: selfeval generate --docx.",
  },

  template: {
    insert: "Insert template",
    hint: "Starting from nothing? Adds four input sheets: budget execution, expenditure, indicators and department information (existing sheets are never overwritten).",
    insertProject: "Insert project template",
    projectHint:
      "Adds one project self-evaluation form (existing sheets are never overwritten); insert one per project.",
    inserted: (sheets) => `Sheets added: ${sheets}. Replace the blue examples with your unit's data.`,
  },

  settings: {
    heading: "Settings (saved with the workbook)",
    reportLang: "Report language",
    followUi: "Same as the pane",
    zh: "中文",
    en: "English",
    caps: "Cap the total by the execution rate",
    capsHint: "Execution 70–80%: at most 89; 60–70%: at most 79; and so on.",
    qualitative: "Default share for qualitative indicators (%)",
    outOfRange: (min, max) => `Enter a number from ${min} to ${max}.`,
    belowRange: (min, max) => `Enter a number from ${min} to below ${max}.`,
    save: "Save settings",
    reset: "Restore defaults",
    saved: "Settings saved in this workbook.",
  },

  errorTitles: {
    generate: "The report could not be generated",
    check: "The check could not be completed",
    score: "The scores could not be computed",
    mark: "The cells could not be marked",
    clear: "The marks could not be cleared",
    select: "The cells could not be shown",
    checkText: "The report's text could not be checked",
    open: "The evaluation table could not be opened",
    template: "The template could not be inserted",
    loadSettings: "The settings could not be read",
    saveSettings: "The settings could not be saved",
    confirm: "The explanation could not be saved",
    unconfirm: "The explanation could not be withdrawn",
  },
  dismiss: "Dismiss",
  list: (items) => items.map((i) => `"${i}"`).join(", "),
};

export const STRINGS: Readonly<Record<Lang, UiStrings>> = { "zh-CN": ZH, "en-US": EN };

export function uiStrings(lang: Lang): UiStrings {
  return STRINGS[lang];
}
