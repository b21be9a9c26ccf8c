/**
 * The layer rule of eslint.config.mjs (LAYERS) fails on planted wrong-way imports and lets the right ways through:
 * the engine imports nothing outside src/engine; only the gateways import exceljs or touch Office/Excel; the UI
 * reaches a gateway only through the host factory. Each planted file is linted by the real configuration.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

interface Linted {
  readonly filePath: string;
  readonly messages: readonly { ruleId: string | null; message: string; line: number }[];
}

const LAYER_RULES = ["no-restricted-imports", "no-restricted-globals", "no-restricted-syntax"];

/** Every planted file with the layer findings on each line, as "line rule". */
function lint(planted: Record<string, string>): Record<string, string[]> {
  const input = Object.entries(planted).map(([filePath, code]) => ({ filePath, code }));
  const run = spawnSync(process.execPath, [join(__dirname, "lint-text.js")], {
    input: JSON.stringify(input),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`lint-text.js exited ${run.status}: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as Linted[];
  return Object.fromEntries(
    results.map((r) => [
      r.filePath,
      r.messages.filter((m) => LAYER_RULES.includes(m.ruleId ?? "")).map((m) => `${m.line} ${m.ruleId}`),
    ]),
  );
}

let messages: Record<string, string[]>;

beforeAll(() => {
  const planted: Record<string, string> = {
    // The engine: nothing from outside, whatever the depth of the file.
    "src/engine/x.ts": [
      'import ExcelJS from "exceljs";',
      'import { readXlsxBuffer } from "../gateway/xlsx/read";',
      'import { readFileSync } from "node:fs";',
      'import type { WorkbookHost } from "../app/host";',
      'import { parseA1Range } from "./a1";',
      "export const all = [ExcelJS, readXlsxBuffer, readFileSync, parseA1Range] as unknown as WorkbookHost;",
      "export const office = Office.context;",
    ].join("\n"),
    "src/engine/check/x.ts": [
      'import { DEFAULT_SETTINGS } from "../../app/settings";',
      'import { parseA1Range } from "../a1";',
      "export const all = [DEFAULT_SETTINGS, parseA1Range];",
    ].join("\n"),
    // The UI: a gateway only through the host factory; no exceljs, no Office.
    "src/taskpane/x.tsx": [
      'import { readWorkbook } from "../gateway/office/read";',
      'import { readXlsxBuffer } from "../gateway/xlsx/read";',
      'import ExcelJS from "exceljs";',
      'import { createHost } from "../app/hosts";',
      'import * as pipeline from "../app/pipeline";',
      "export const all = [readWorkbook, readXlsxBuffer, ExcelJS, createHost, pipeline];",
      'export const later = () => import("../gateway/xlsx/write");',
      "export const run = () => Excel.run(async () => undefined);",
    ].join("\n"),
    "src/preview/deep/x.ts": [
      'import { readXlsxBuffer } from "../../gateway/xlsx/read";',
      'import { parseA1Range } from "../../engine/a1";',
      "export const all = [readXlsxBuffer, parseA1Range];",
    ].join("\n"),
    // The gateways may; the CLI may use a gateway but not exceljs itself.
    // exceljs also by its parts: a file of the package, or the gateway's door to it (src/gateway/xlsx/exceljs.ts).
    "src/gateway/xlsx/x.ts": [
      'import ExcelJS from "exceljs";',
      'import { Workbook } from "./exceljs";',
      'const parseSax = require("exceljs/lib/utils/parse-sax");',
      "export const all = [ExcelJS, Workbook, parseSax];",
      "export const office = typeof Office;",
    ].join("\n"),
    "src/cli/x.ts": [
      'import ExcelJS from "exceljs";',
      'import { readXlsxFileStreaming } from "../gateway/xlsx/read-stream";',
      'import { Workbook } from "../gateway/xlsx/exceljs";',
      'import type { Worksheet } from "exceljs/index";',
      'const parseSax = require("exceljs/lib/utils/parse-sax");',
      'const whole = require("exceljs");',
      'export const later = () => import("exceljs/lib/doc/workbook");',
      "export const all = [ExcelJS, readXlsxFileStreaming, Workbook, parseSax, whole, later] as unknown as Worksheet;",
    ].join("\n"),
  };
  messages = lint(planted);
});

test("the engine: exceljs, a gateway, node: and the app layer are refused; its own modules are not", () => {
  expect(messages["src/engine/x.ts"]).toEqual([
    "1 no-restricted-imports",
    "2 no-restricted-imports",
    "3 no-restricted-imports",
    "4 no-restricted-imports",
    "7 no-restricted-globals",
  ]);
  expect(messages["src/engine/check/x.ts"]).toEqual(["1 no-restricted-imports"]);
});

test("the UI: the gateways, exceljs and Excel.run are refused, also by a lazy import(); the host factory is not", () => {
  expect(messages["src/taskpane/x.tsx"]).toEqual([
    "1 no-restricted-imports",
    "2 no-restricted-imports",
    "3 no-restricted-imports",
    "7 no-restricted-syntax",
    "8 no-restricted-globals",
  ]);
  expect(messages["src/preview/deep/x.ts"]).toEqual(["1 no-restricted-imports"]);
});

test("the gateways import exceljs and touch Office; the CLI uses a gateway but not exceljs, by no way in", () => {
  expect(messages["src/gateway/xlsx/x.ts"]).toEqual([]);
  expect(messages["src/cli/x.ts"]).toEqual([
    "1 no-restricted-imports",
    "3 no-restricted-imports",
    "4 no-restricted-imports",
    "5 no-restricted-syntax",
    "6 no-restricted-syntax",
    "7 no-restricted-syntax",
  ]);
});
