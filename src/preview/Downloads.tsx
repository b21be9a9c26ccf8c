/**
 * The preview's two downloads: 下载报告 (the workbook with the report sheets, once the pane generated it) and
 * 导出核查结果 (the findings of the pane's last evaluation, as CSV). Both are made in the page; nothing is uploaded.
 */
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { ArrowDownload20Regular } from "@fluentui/react-icons";
import type { Finding } from "../engine/findings";
import type { Lang } from "../engine/i18n";
import { findingsToCsv } from "./csv";
import { CSV_MIME, XLSX_MIME, baseName } from "./download";
import type { PreviewWorkbookHost } from "./preview-host";
import type { PreviewState } from "./store";
import { previewStrings } from "./strings";

export type SaveFile = (data: Uint8Array | string, fileName: string, mime: string) => void;

export interface DownloadButtonsProps {
  readonly host: PreviewWorkbookHost;
  readonly state: PreviewState;
  /** The findings of the pane's last check, score or generate; null before one ran on this workbook. */
  readonly findings: readonly Finding[] | null;
  readonly lang: Lang;
  readonly save: SaveFile;
}

export function DownloadButtons({ host, state, findings, lang, save }: DownloadButtonsProps) {
  const s = previewStrings(lang);
  const base = baseName(state.fileName ?? "workbook");
  // Said after a download that had to be re-saved by exceljs, so a lost chart is never a silent loss.
  const [resaved, setResaved] = useState(false);
  const downloadReport = async () => {
    const saved = await host.saveForDownload();
    setResaved(saved.route === "model");
    save(saved.bytes, s.reportFileName(base), XLSX_MIME);
  };
  const exportFindings = () => {
    if (findings) save(findingsToCsv(findings, lang), s.findingsFileName(base), CSV_MIME);
  };
  return (
    <>
      <Button
        icon={<ArrowDownload20Regular />}
        appearance={state.reportSheets ? "primary" : "secondary"}
        disabled={!state.reportSheets}
        title={state.reportSheets ? undefined : s.downloadReportHint}
        onClick={() => void downloadReport()}
      >
        {s.downloadReport}
      </Button>
      <Button
        icon={<ArrowDownload20Regular />}
        disabled={!findings}
        title={findings ? undefined : s.exportFindingsHint}
        onClick={exportFindings}
      >
        {s.exportFindings}
      </Button>
      {resaved && (
        <Text role="status" size={200}>
          {s.downloadResaved}
        </Text>
      )}
    </>
  );
}
