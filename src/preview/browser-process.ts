/**
 * The few parts of Node's `process` that exceljs's sources and readable-stream use, for the browser bundle
 * (scripts/exceljs-browser.js provides it wherever they say `process`). `browser: true` is what browserify's shim
 * says too: exceljs then takes its browser code paths.
 */
export const browserProcess = {
  browser: true,
  env: {} as Record<string, string | undefined>,
  version: "",
  versions: {} as Record<string, string>,
  nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
    queueMicrotask(() => callback(...args));
  },
};
