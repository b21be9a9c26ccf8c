/** Every text the browser preview shows (the workbook viewer beside the pane), in zh-CN (default) and en-US. */
import type { Lang } from "../engine/i18n";
import type { Severity } from "../engine/findings";

export interface PreviewStrings {
  /** Heading of the workbook viewer. */
  readonly viewerTitle: string;
  /** What the preview is, in one sentence, under the heading. */
  readonly viewerIntro: string;
  readonly loadingSample: string;
  readonly sampleLabel: string;
  /** "当前工作簿：x.xlsx" */
  readonly currentFile: (fileName: string) => string;
  readonly openFile: string;
  readonly openFileHint: string;
  readonly dropHere: string;
  readonly openSample: string;
  readonly downloadReport: string;
  readonly downloadReportHint: string;
  /** Shown after 下载报告 when the copy had to be re-saved by exceljs (marks or the template in it). */
  readonly downloadResaved: string;
  readonly exportFindings: string;
  readonly exportFindingsHint: string;
  readonly openFailedTitle: string;
  readonly notXlsx: (fileName: string) => string;
  readonly sampleMissing: string;
  readonly sheetsLabel: string;
  readonly reportSheetBadge: string;
  readonly emptySheet: string;
  /** Shown when a sheet is larger than the viewer draws. */
  readonly truncated: (rows: number, cols: number) => string;
  readonly gridLabel: (sheet: string) => string;
  readonly markLegend: string;
  readonly severity: Readonly<Record<Severity, string>>;
  /** The downloaded report's file name, from the workbook's name without ".xlsx". */
  readonly reportFileName: (base: string) => string;
  readonly findingsFileName: (base: string) => string;
  readonly csvHeader: readonly string[];
  readonly privacy: string;
}

export const PREVIEW_STRINGS: Readonly<Record<Lang, PreviewStrings>> = {
  "zh-CN": {
    viewerTitle: "工作簿预览",
    viewerIntro: "在浏览器中查看工作簿内容；核查出的问题单元格会标出颜色。",
    loadingSample: "正在打开样例工作簿…",
    sampleLabel: "样例",
    currentFile: (fileName) => `当前工作簿：${fileName}`,
    openFile: "打开工作簿…",
    openFileHint: "选择本机上的 .xlsx 文件，或直接拖到本页面。",
    dropHere: "松开鼠标以打开工作簿",
    openSample: "重新打开样例",
    downloadReport: "下载报告",
    downloadReportHint: "先点击“一键生成自评报告”，再下载包含自评表、自评报告和核查结果的工作簿。",
    downloadResaved:
      "这份下载包含预览中的标记或插入的模板，是重新保存的副本：原文件中的图表、数据透视表等对象可能未保留。清除标记后再下载，可得到保留原文件全部内容的工作簿。",
    exportFindings: "导出核查结果",
    exportFindingsHint: "先运行一致性检查或生成报告，再导出问题清单（CSV，可用 Excel 打开）。",
    openFailedTitle: "无法打开工作簿",
    notXlsx: (fileName) =>
      `“${fileName}”不是 .xlsx 工作簿。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再打开。`,
    sampleMissing: "没有找到样例工作簿。请点击“打开工作簿…”选择自己的文件。",
    sheetsLabel: "工作表",
    reportSheetBadge: "报告",
    emptySheet: "此工作表为空。",
    truncated: (rows, cols) => `工作表较大，这里只显示前 ${rows} 行、前 ${cols} 列。`,
    gridLabel: (sheet) => `工作表“${sheet}”的内容`,
    markLegend: "带颜色边框的单元格有核查问题：",
    severity: { error: "错误", warning: "警告", notice: "提示" },
    reportFileName: (base) => `${base}-自评报告.xlsx`,
    findingsFileName: (base) => `${base}-核查结果.csv`,
    csvHeader: ["严重程度", "规则", "规则编号", "工作表", "单元格", "单位", "应为", "实际", "差额", "说明"],
    privacy: "文件只在本浏览器中打开和处理，不会上传到任何地方。",
  },
  "en-US": {
    viewerTitle: "Workbook preview",
    viewerIntro: "The workbook's contents in the browser; cells with findings are marked in colour.",
    loadingSample: "Opening the sample workbook…",
    sampleLabel: "sample",
    currentFile: (fileName) => `Workbook: ${fileName}`,
    openFile: "Open workbook…",
    openFileHint: "Choose an .xlsx file on this computer, or drop it on this page.",
    dropHere: "Drop to open the workbook",
    openSample: "Reopen the sample",
    downloadReport: "Download report",
    downloadReportHint:
      "Click “Generate self-evaluation report” first, then download the workbook with the table, the report and the check results.",
    downloadResaved:
      "This download holds the preview's marks or the inserted template, so it is a re-saved copy: charts, pivot tables and similar objects of the original file may be missing. Clear the marks and download again for a workbook that keeps everything in the original file.",
    exportFindings: "Export check results",
    exportFindingsHint:
      "Run the consistency check or generate the report first, then export the findings (CSV, opens in Excel).",
    openFailedTitle: "The workbook could not be opened",
    notXlsx: (fileName) =>
      `“${fileName}” is not an .xlsx workbook. Save it in Excel as “Excel Workbook (*.xlsx)” and open it again.`,
    sampleMissing: "The sample workbook was not found. Use “Open workbook…” to choose your own file.",
    sheetsLabel: "Sheets",
    reportSheetBadge: "report",
    emptySheet: "This sheet is empty.",
    truncated: (rows, cols) => `A large sheet: only the first ${rows} rows and ${cols} columns are shown.`,
    gridLabel: (sheet) => `Contents of the sheet “${sheet}”`,
    markLegend: "Cells with a coloured border have findings:",
    severity: { error: "Error", warning: "Warning", notice: "Notice" },
    reportFileName: (base) => `${base}-self-evaluation.xlsx`,
    findingsFileName: (base) => `${base}-check-results.csv`,
    csvHeader: [
      "Severity",
      "Rule",
      "Rule id",
      "Sheet",
      "Cell",
      "Unit",
      "Expected",
      "Actual",
      "Difference",
      "Message",
    ],
    privacy: "The file is opened and processed in this browser only; it is never uploaded.",
  },
};

export function previewStrings(lang: Lang): PreviewStrings {
  return PREVIEW_STRINGS[lang];
}
