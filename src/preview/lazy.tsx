/**
 * The task pane's door to the browser preview, light enough to sit in the pane's first-load bundle: it imports neither
 * exceljs nor the preview's components, only the dynamic import() that fetches them (one lazy chunk) when the page
 * turns out to run outside Excel.
 *
 *   connect:  info.mode === "excel" ? createOfficeHost() : connectPreview()
 *   render:   <PreviewLayout host={host} lang={lang} evaluation={paneState.evaluation} pane={<main>…</main>} />
 */
import { Suspense, lazy, type ReactNode } from "react";
import type { WorkbookHost } from "../app/host";
import type { Evaluation } from "../engine/evaluate";
import type { Lang } from "../engine/i18n";
import type { PreviewWorkbookHost } from "./preview-host";

/** A WorkbookHost over an .xlsx in the browser, with no workbook yet (the workbench opens the sample into it). */
export async function connectPreview(): Promise<WorkbookHost> {
  const preview = await import("./index");
  return preview.createPreviewHost();
}

/** True for the preview's host (told apart by what it has beyond WorkbookHost, without importing its class). */
export function isPreviewHost(host: WorkbookHost | null): host is PreviewWorkbookHost {
  if (!host || host.kind !== "preview") return false;
  const h = host as Partial<PreviewWorkbookHost>;
  return (
    typeof h.subscribe === "function" && typeof h.getState === "function" && typeof h.open === "function"
  );
}

const LazyPreview = lazy(async () => {
  const preview = await import("./index");
  function Loaded({
    host,
    lang,
    evaluation,
    pane,
  }: PreviewLayoutProps & { readonly host: PreviewWorkbookHost }) {
    return (
      <preview.PreviewPage
        pane={pane}
        workbench={<preview.PreviewWorkbench host={host} lang={lang} evaluation={evaluation ?? null} />}
      />
    );
  }
  return { default: Loaded };
});

export interface PreviewLayoutProps {
  readonly host: WorkbookHost | null;
  readonly lang: Lang;
  /** The pane's last evaluation, which the workbook side marks (it evaluates nothing itself). */
  readonly evaluation?: Evaluation | null;
  /** The task pane itself. */
  readonly pane: ReactNode;
}

/** The pane alone inside Excel; in the preview, the pane beside the workbook it works on. */
export function PreviewLayout({ host, lang, evaluation = null, pane }: PreviewLayoutProps) {
  if (!isPreviewHost(host)) return <>{pane}</>;
  return (
    <Suspense fallback={pane}>
      <LazyPreview host={host} lang={lang} evaluation={evaluation} pane={pane} />
    </Suspense>
  );
}
