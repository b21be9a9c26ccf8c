/**
 * exceljs as the .xlsx gateway uses it: the Workbook class (load, edit and save a workbook in memory) and the ValueType
 * enum, with exceljs's types. Import this (`import * as ExcelJS from "./exceljs"`), not the package.
 *
 * The package's entry (excel.js) also loads the streaming reader and writer (unzipper, archiver and their
 * dependencies), which nothing here uses; that doubles the time it takes to load exceljs — paid by every CLI run that
 * reads or writes a workbook in memory, and again by every test file that builds or reads one. The browser entry
 * (lib/exceljs.browser.js, which scripts/exceljs-browser.js bundles for the preview) holds the same two things plus
 * polyfills, so the preview's bundle takes these very modules, once.
 */
import type * as Full from "exceljs";

export type * from "exceljs";

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs exports its parts only through its entry. */

export const Workbook = require("exceljs/lib/doc/workbook") as typeof Full.Workbook;
export type Workbook = Full.Workbook;

export const ValueType = (require("exceljs/lib/doc/enums") as Pick<typeof Full, "ValueType">).ValueType;
export type ValueType = Full.ValueType;
