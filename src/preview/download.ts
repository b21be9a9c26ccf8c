/**
 * Saving a file the preview made (the report workbook, the findings CSV) without a server: the bytes become a Blob,
 * an object URL points at it, and a click on a temporary <a download> hands it to the browser's download manager.
 * Nothing is sent anywhere.
 */

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_MIME = "text/csv;charset=utf-8";

/** Characters Windows and macOS refuse in file names (and control characters); a workbook's name may contain them. */
function safeFileChars(text: string): string {
  let out = "";
  for (const ch of text) out += ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? "_" : ch;
  return out;
}

/** The workbook's name without its extension, made safe to build a download name from. */
export function baseName(fileName: string): string {
  const withoutExt = fileName.replace(/\.(xlsx|xlsm|xls|csv)$/i, "");
  const safe = safeFileChars(withoutExt).trim();
  return safe || "workbook";
}

/** What the download needs from the page; tests pass a fake. */
export interface DownloadEnv {
  readonly document: Document;
  readonly createObjectURL: (blob: Blob) => string;
  readonly revokeObjectURL: (url: string) => void;
}

function browserEnv(): DownloadEnv {
  return {
    document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
  };
}

/** Starts the download of `data` as `fileName`. Returns the Blob handed to the browser. */
export function saveFile(
  data: Uint8Array | string,
  fileName: string,
  mime: string,
  env: DownloadEnv = browserEnv(),
): Blob {
  // A copy into a fresh ArrayBuffer: a Uint8Array may view a larger (or shared) buffer than its own bytes.
  const part: BlobPart = typeof data === "string" ? data : data.slice().buffer;
  const blob = new Blob([part], { type: mime });
  const url = env.createObjectURL(blob);
  const link = env.document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  env.document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has taken its own reference by the time click() returns; revoking later frees the memory.
    setTimeout(() => env.revokeObjectURL(url), 60_000);
  }
  return blob;
}
