/**
 * The package writer on workbooks made by other programs (tests/fixtures/foreign, written by
 * scripts/make-foreign-workbooks.py with openpyxl and LibreOffice): after the report is added, every part of the input
 * is in the output byte for byte, except the four parts the new sheets are announced in, whose user entries are
 * unchanged; our sheets hold the same cells as the exceljs route renders; and a second run replaces ours, nothing else.
 */
import * as ExcelJS from "../../src/gateway/xlsx/exceljs";
import { XMLParser } from "fast-xml-parser";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import { join } from "path";
import { evaluateWorkbook } from "../../src/engine/evaluate";
import {
  buildReport,
  MARKER_SHEET_NAME,
  withoutOwnedSheets,
  type ReportSpec,
} from "../../src/engine/report/index";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { addReportToPackage, ownedSheetsInPackage } from "../../src/gateway/xlsx/package/index";
import { readXlsxBuffer } from "../../src/gateway/xlsx/read";
import { readXlsxFileStreaming } from "../../src/gateway/xlsx/read-stream";
import { renderReport } from "../../src/gateway/xlsx/write";

const FOREIGN = join(__dirname, "..", "fixtures", "foreign");
const CORPUS = readdirSync(FOREIGN)
  .filter((f) => /\.xls[xm]$/.test(f))
  .sort();
const OUR_SHEETS = ["绩效自评表", "自评报告", "核查结果"];
const INPUT_SHEETS = ["表一 预算执行情况", "表二 支出决算表", "表三 绩效指标", "部门基本情况"];

/**
 * Packages whose spreadsheetml is written with a prefix (`<x:workbook>`, `<x:worksheet>`, `<x:c>`, `<x:sst>`, as the
 * .NET Open XML SDK writes it), each beside the unprefixed twin the corpus script made it from: both readers read the
 * twin's snapshot, and the worksheet parts added to it are the ones added to the twin.
 */
const PREFIXED_TWIN: Record<string, string> = {
  "openpyxl-prefixed-namespaces.xlsx": "openpyxl-chart.xlsx",
  "libreoffice-prefixed-namespaces.xlsx": "libreoffice-chart.xlsx",
};

let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "package-corpus-"));
  // Every file is written twice (and read three times) here, once, so the tests below only look at the results
  // (about 2 s a file when quiet; the suite's 10-minute timeout is the only ceiling, for a hang).
  for (const file of CORPUS) await run(file);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// ------------------------------------------------------------------------------------------------ package helpers

/** The parts of a package by name, unzipped once per package: the tests look at each run's packages again and again. */
const unzipped = new WeakMap<Uint8Array, Promise<ReadonlyMap<string, Buffer>>>();
function entries(bytes: Uint8Array): Promise<ReadonlyMap<string, Buffer>> {
  let parts = unzipped.get(bytes);
  if (!parts) {
    parts = (async () => {
      const zip = await JSZip.loadAsync(bytes);
      const out = new Map<string, Buffer>();
      for (const [name, file] of Object.entries(zip.files)) {
        if (!file.dir) out.set(name.replace(/^\//, ""), await file.async("nodebuffer"));
      }
      return out;
    })();
    unzipped.set(bytes, parts);
  }
  return parts;
}

type Ordered = Record<string, unknown>[];
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: true,
});

/** The root element's [tag, children, attributes] of a part, entities decoded and whitespace between tags ignored. */
function rootOf(xml: string): { tag: string; children: Ordered; attributes: Record<string, string> } {
  const nodes = parser.parse(xml) as Ordered;
  const root = nodes.find((n) =>
    Object.keys(n).some((k) => !k.startsWith("?") && k !== ":@" && !k.startsWith("#")),
  )!;
  const tag = Object.keys(root).find((k) => k !== ":@")!;
  return { tag, children: root[tag] as Ordered, attributes: (root[":@"] as Record<string, string>) ?? {} };
}

const local = (node: Record<string, unknown>): string =>
  (Object.keys(node).find((k) => k !== ":@") ?? "").replace(/^.*:/, "");
const childrenNamed = (children: Ordered, name: string): Ordered => children.filter((c) => local(c) === name);
const childNamed = (children: Ordered, name: string): Ordered =>
  (childrenNamed(children, name)[0]?.[
    Object.keys(childrenNamed(children, name)[0] ?? {}).find((k) => k !== ":@")!
  ] as Ordered | undefined) ?? [];
const attrs = (node: Record<string, unknown>): Record<string, string> =>
  (node[":@"] as Record<string, string>) ?? {};

/** The four parts the writer edits: the workbook part (from the package relationships), its rels, content types, styles. */
function editedParts(parts: ReadonlyMap<string, Buffer>): {
  workbook: string;
  rels: string;
  styles: string | null;
} {
  const pkg = rootOf(parts.get("_rels/.rels")!.toString("utf8"));
  const office = pkg.children.find((r) => attrs(r).Type.endsWith("/officeDocument"))!;
  const workbook = attrs(office).Target.replace(/^\//, "");
  const dir = workbook.slice(0, workbook.lastIndexOf("/") + 1);
  const rels = `${dir}_rels/${workbook.slice(dir.length)}.rels`;
  const wbRels = rootOf(parts.get(rels)!.toString("utf8"));
  const styles = wbRels.children.find((r) => attrs(r).Type.endsWith("/styles"));
  const target = styles ? attrs(styles).Target : null;
  return {
    workbook,
    rels,
    styles: target === null ? null : target.startsWith("/") ? target.slice(1) : dir + target,
  };
}

/**
 * JSON text that tells apart whatever jest's toEqual tells apart in plain data (undefined, -0, NaN, ±Infinity, a Date
 * and its text), or null for data that is not plain (a class instance, a Map, a function, symbol keys), which JSON
 * could not tell apart. Our data (parsed XML, exceljs cell values and styles, snapshots) holds no NUL character, the
 * mark of the spelled-out values.
 */
function plainJson(value: unknown): string | null {
  let plain = true;
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = this[key];
    if (original instanceof Date) return `\u0000date ${String(v)}`;
    if (v === undefined) return "\u0000undefined";
    if (typeof v === "number" && (Object.is(v, -0) || !Number.isFinite(v)))
      return `\u0000${Object.is(v, -0) ? "-0" : String(v)}`;
    if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") plain = false;
    else if (typeof v === "object" && v !== null) {
      const proto = Object.getPrototypeOf(v) as unknown;
      const plainObject = Array.isArray(v) || proto === Object.prototype || proto === null;
      if (!plainObject || Object.getOwnPropertySymbols(v).length > 0) plain = false;
    }
    return plain ? v : null;
  });
  return plain ? text : null;
}

/**
 * expect(actual).toEqual(expected), with a shortcut for the large structures here (every cell and style of our sheets,
 * whole XML parts): jest's deep equality over them was most of this file's test time. Equal JSON text (plainJson)
 * passes only what toEqual passes; anything else goes to toEqual itself, for its verdict and its diff.
 */
function expectEqual(actual: unknown, expected: unknown): void {
  const text = plainJson(actual);
  if (text !== null && text === plainJson(expected)) return;
  expect(actual).toEqual(expected);
}

/** Every element of `before` is in `after`, equal, in the same order (after may have more). */
function expectContained(before: Ordered, after: Ordered): void {
  const afterTexts = after.map((n) => JSON.stringify(n));
  let at = 0;
  for (const node of before) {
    const text = JSON.stringify(node);
    const found = afterTexts.findIndex((t, i) => i >= at && t === text);
    if (found < 0) expect({ missing: node, found: false }).toEqual({ missing: node, found: true });
    at = found + 1;
  }
}

// ------------------------------------------------------------------------------------------------ runs

interface Run {
  readonly input: Uint8Array;
  readonly snapshotSheets: readonly SheetSnapshot[];
  readonly spec: ReportSpec;
  readonly output: Uint8Array;
  readonly second: Uint8Array;
  readonly secondReplaced: readonly string[];
  readonly secondNames: readonly string[];
}

async function snapshotOf(bytes: Uint8Array, name: string): Promise<SheetSnapshot[]> {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return [...(await readXlsxFileStreaming(path)).sheets];
}

async function specFor(
  bytes: Uint8Array,
  name: string,
): Promise<{ spec: ReportSpec; sheets: SheetSnapshot[] }> {
  const sheets = await snapshotOf(bytes, name);
  const owned = await ownedSheetsInPackage(bytes);
  const evaluation = evaluateWorkbook(withoutOwnedSheets({ sheets }, owned), {});
  return { spec: buildReport(evaluation, "zh-CN"), sheets };
}

const runs = new Map<string, Promise<Run>>();
function run(file: string): Promise<Run> {
  let r = runs.get(file);
  if (!r) {
    r = (async (): Promise<Run> => {
      const input = new Uint8Array(readFileSync(join(FOREIGN, file)));
      const { spec, sheets } = await specFor(input, `in-${file}`);
      const output = (await addReportToPackage(input, spec)).bytes;
      const again = await specFor(output, `out-${file}`);
      const second = await addReportToPackage(output, again.spec);
      return {
        input,
        snapshotSheets: sheets,
        spec,
        output,
        second: second.bytes,
        secondReplaced: second.replaced,
        secondNames: Object.values(second.sheetNames),
      };
    })();
    runs.set(file, r);
  }
  return r;
}

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    return wb;
  } catch {
    return null;
  }
}

/** Today's exceljs route for our sheets: renderReport into an exceljs workbook beside the user's sheet names. */
async function exceljsRoute(run: Run): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const placeholders = run.snapshotSheets.map((s) => wb.addWorksheet(s.name));
  renderReport(wb, run.spec);
  for (const ws of placeholders) wb.removeWorksheet(ws.id);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** What the tests read of the exceljs route: our sheets as exceljs reads them, and as the streaming reader does. */
interface Reference {
  readonly pictures: ReadonlyMap<string, unknown>;
  readonly read: readonly SheetSnapshot[];
}

/**
 * The exceljs route's reference for a run, made once per spec and sheet names (its only inputs): most of the corpus
 * is the sample's tables in other programs' packaging, so the same report would be rendered, written and read again
 * for file after file.
 */
const references = new Map<string, Promise<Reference>>();
function referenceFor(run: Run): Promise<Reference> {
  const key = JSON.stringify([run.snapshotSheets.map((s) => s.name), run.spec]);
  let reference = references.get(key);
  if (!reference) {
    reference = (async (): Promise<Reference> => {
      const expected = await exceljsRoute(run);
      const wb = (await loadExcelJs(expected))!;
      const pictures = new Map<string, unknown>();
      for (const name of [...OUR_SHEETS, MARKER_SHEET_NAME])
        pictures.set(name, sheetPicture(wb.getWorksheet(name)!));
      return { pictures, read: await snapshotOf(expected, `route-${references.size}.xlsx`) };
    })();
    references.set(key, reference);
  }
  return reference;
}

/** A sheet as exceljs reads it: every cell's value and style, merges, widths, heights and print setup. */
function sheetPicture(ws: ExcelJS.Worksheet): unknown {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { value: cell.value, style: cell.style };
    }),
  );
  const rows: Record<number, number | undefined> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n] = row.height));
  const p = ws.pageSetup;
  return {
    state: ws.state,
    cells,
    merges: [...ws.model.merges].sort(),
    widths: (ws.columns ?? []).map((c) => c.width),
    rows,
    print: [
      p.paperSize,
      p.orientation,
      p.fitToPage,
      p.fitToWidth,
      p.fitToHeight,
      p.printTitlesRow,
      p.margins,
    ],
    footer: ws.headerFooter?.oddFooter,
    views: ws.views,
  };
}

function snapshotPicture(sheet: SheetSnapshot | undefined): unknown {
  return sheet && { values: sheet.values, merges: sheet.merges, origin: [sheet.originRow, sheet.originCol] };
}

// ------------------------------------------------------------------------------------------------ the corpus

test("the corpus has workbooks from openpyxl and LibreOffice, and an .xlsm", () => {
  expect(CORPUS.filter((f) => f.startsWith("openpyxl-")).length).toBeGreaterThanOrEqual(10);
  expect(CORPUS.filter((f) => f.startsWith("libreoffice-")).length).toBeGreaterThanOrEqual(3);
  expect(CORPUS.some((f) => f.endsWith(".xlsm"))).toBe(true);
});

describe.each(Object.entries(PREFIXED_TWIN))("%s (prefixed twin of %s)", (file, twin) => {
  test("its spreadsheetml parts are all prefixed, shared strings included where the twin has them", async () => {
    const parts = await entries(new Uint8Array(readFileSync(join(FOREIGN, file))));
    const twins = await entries(new Uint8Array(readFileSync(join(FOREIGN, twin))));
    const pick = (of: ReadonlyMap<string, Buffer>) =>
      [...of.keys()]
        .filter((n) => /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(n))
        .sort();
    const spreadsheetml = pick(parts);
    expect(spreadsheetml).toEqual(pick(twins));
    expect(spreadsheetml.length).toBeGreaterThanOrEqual(6);
    for (const name of spreadsheetml) {
      const root = rootOf(parts.get(name)!.toString("utf8"));
      expect({ name, tag: root.tag.replace(/:.*/, ":"), ns: root.attributes["xmlns:x"] }).toEqual({
        name,
        tag: "x:",
        ns: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      });
    }
  });

  test("reads as its twin, by the streaming reader (check, generate) and by exceljs (the preview)", async () => {
    const bytes = new Uint8Array(readFileSync(join(FOREIGN, file)));
    const twinBytes = new Uint8Array(readFileSync(join(FOREIGN, twin)));
    const read = await snapshotOf(bytes, `prefixed-${file}`);
    expect(read.map((s) => s.name)).toEqual(INPUT_SHEETS);
    expect(read).toEqual(await snapshotOf(twinBytes, `twin-${file}`));
    // exceljs reads the prefixed package exactly when it reads the twin (it cannot read openpyxl's drawings).
    const [ours, theirs] = [await loadExcelJs(bytes), await loadExcelJs(twinBytes)];
    expect(ours?.worksheets.map((ws) => ws.name)).toEqual(theirs?.worksheets.map((ws) => ws.name));
    if (theirs)
      expect((await readXlsxBuffer(bytes)).sheets).toEqual((await readXlsxBuffer(twinBytes)).sheets);
  });

  test("gets worksheet parts identical to the ones written into its twin, under the same names", async () => {
    const ours = await entries((await run(file)).output);
    const twins = await entries((await run(twin)).output);
    const sheets = (parts: ReadonlyMap<string, Buffer>) =>
      [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
    expect(sheets(ours)).toEqual(sheets(twins));
    const added = sheets(ours).filter((n) => !/sheet[1-4]\.xml$/.test(n));
    expect(added).toHaveLength(4);
    for (const name of added)
      expect({ name, same: ours.get(name)!.equals(twins.get(name)!) }).toEqual({ name, same: true });
  });
});

describe.each(CORPUS)("%s", (file) => {
  test("holds the sample's four tables, so a full report is written", async () => {
    const r = await run(file);
    for (const name of INPUT_SHEETS) expect(r.snapshotSheets.map((s) => s.name)).toContain(name);
    expect(r.spec.sheets.map((s) => s.name)).toEqual(OUR_SHEETS);
  });

  test("every part of the input is in the output byte for byte, except the four that announce our sheets", async () => {
    const r = await run(file);
    const before = await entries(r.input);
    const after = await entries(r.output);
    const edited = editedParts(before);
    const exempt = new Set([edited.workbook, edited.rels, "[Content_Types].xml", edited.styles]);
    for (const [name, bytes] of before) {
      expect({ name, present: after.has(name) }).toEqual({ name, present: true });
      if (!exempt.has(name))
        expect({ name, same: after.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    }
    // What is new: our four worksheet parts, the chart of the scores on the 绩效自评表 (a chart part, a drawing part
    // and its relationships, and the worksheet's relationships to the drawing), and, for a package without styles, a
    // styles part.
    const added = [...after.keys()].filter((n) => !before.has(n)).sort();
    expect(added.filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(4);
    const rest = added.filter((n) => !/worksheets\/sheet\d+\.xml$/.test(n));
    const kinds = rest.map((n) =>
      n.replace(/\d+\.xml/, "N.xml").replace(/^xl\/worksheets\/_rels\/sheetN\.xml\.rels$/, "sheet rels"),
    );
    expect(kinds.sort()).toEqual(
      [
        "sheet rels",
        "xl/charts/chartN.xml",
        "xl/drawings/_rels/drawingN.xml.rels",
        "xl/drawings/drawingN.xml",
        ...(edited.styles ? [] : ["xl/styles.xml"]),
      ].sort(),
    );
  });

  test("the user's entries of the workbook, its relationships, the content types and the styles are unchanged", async () => {
    const r = await run(file);
    const before = await entries(r.input);
    const after = await entries(r.output);
    const edited = editedParts(before);
    const parse = (parts: ReadonlyMap<string, Buffer>, name: string) =>
      rootOf(parts.get(name)!.toString("utf8"));

    const types = [parse(before, "[Content_Types].xml"), parse(after, "[Content_Types].xml")];
    expectContained(types[0].children, types[1].children);

    const rels = [parse(before, edited.rels), parse(after, edited.rels)];
    expectContained(rels[0].children, rels[1].children);
    expect(rels[1].children.length - rels[0].children.length).toBe(edited.styles ? 4 : 5);

    const book = [parse(before, edited.workbook), parse(after, edited.workbook)];
    expect(book[1].tag).toBe(book[0].tag);
    expect(book[1].attributes).toMatchObject(book[0].attributes);
    const otherThan = (children: Ordered, names: string[]) =>
      children.filter((c) => !names.includes(local(c)));
    expectEqual(
      otherThan(book[1].children, ["sheets", "definedNames"]),
      otherThan(book[0].children, ["sheets", "definedNames"]),
    );
    expectContained(childNamed(book[0].children, "sheets"), childNamed(book[1].children, "sheets"));
    expectContained(
      childNamed(book[0].children, "definedNames"),
      childNamed(book[1].children, "definedNames"),
    );

    if (edited.styles) {
      const styles = [parse(before, edited.styles), parse(after, edited.styles)];
      expect(styles[1].attributes).toEqual(styles[0].attributes);
      for (const list of styles[0].children) {
        const name = local(list);
        const grown = childrenNamed(styles[1].children, name)[0];
        expect({ name, found: grown !== undefined }).toEqual({ name, found: true });
        const tag = (n: Record<string, unknown>) => Object.keys(n).find((k) => k !== ":@")!;
        const was = list[tag(list)] as Ordered;
        const now = grown[tag(grown)] as Ordered;
        // The user's entries first, untouched and in place; ours after them.
        expectEqual(now.slice(0, was.length), was);
      }
    }
  });

  test("our three sheets and the marker hold the cells the exceljs route renders", async () => {
    const r = await run(file);
    const reference = await referenceFor(r);
    const ours = await loadExcelJs(r.output);
    const input = await loadExcelJs(r.input);
    // exceljs reads the output whenever it reads the input (it cannot read some openpyxl packages at all).
    expect(ours !== null).toBe(input !== null);
    if (ours) {
      expect(ours.worksheets.map((ws) => ws.name)).toEqual([
        ...input!.worksheets.map((ws) => ws.name),
        ...OUR_SHEETS,
        MARKER_SHEET_NAME,
      ]);
      for (const name of [...OUR_SHEETS, MARKER_SHEET_NAME]) {
        expectEqual(
          { name, sheet: sheetPicture(ours.getWorksheet(name)!) },
          { name, sheet: reference.pictures.get(name) },
        );
      }
    }
    // Both ways, the streaming reader (what `check` uses) sees the same values and merges in our sheets.
    const read = await snapshotOf(r.output, `ours-${file}`);
    const want = reference.read;
    expect(read.map((s) => s.name)).toEqual([
      ...r.snapshotSheets.map((s) => s.name),
      ...OUR_SHEETS,
      MARKER_SHEET_NAME,
    ]);
    for (const name of [...OUR_SHEETS, MARKER_SHEET_NAME]) {
      expectEqual(
        { name, sheet: snapshotPicture(read.find((s) => s.name === name)) },
        { name, sheet: snapshotPicture(want.find((s) => s.name === name)) },
      );
    }
    // The user's sheets read as before.
    for (const sheet of r.snapshotSheets)
      expectEqual(
        read.find((s) => s.name === sheet.name),
        sheet,
      );
  });

  test("a second run keeps every user part and replaces ours, nothing duplicated", async () => {
    const r = await run(file);
    expect(r.secondReplaced).toEqual([...OUR_SHEETS, MARKER_SHEET_NAME]);
    expect(r.secondNames).toEqual(OUR_SHEETS);
    const before = await entries(r.input);
    const first = await entries(r.output);
    const second = await entries(r.second);
    const edited = editedParts(before);
    const exempt = new Set([edited.workbook, edited.rels, "[Content_Types].xml", edited.styles]);
    for (const [name, bytes] of before) {
      if (!exempt.has(name))
        expect({ name, same: second.get(name)?.equals(bytes) }).toEqual({ name, same: true });
    }
    // The same parts as after the first run (ours under the same names), the same XML in the four edited ones.
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const name of [
      edited.workbook,
      edited.rels,
      "[Content_Types].xml",
      edited.styles ?? "xl/styles.xml",
    ]) {
      expectEqual(
        { name, xml: rootOf(second.get(name)!.toString("utf8")) },
        { name, xml: rootOf(first.get(name)!.toString("utf8")) },
      );
    }
  });
});
