/**
 * Part 4 of the bench: what the add-in costs in round trips to Excel. The workbook is put into the recording fake of
 * the Excel API (tests/fakes/), exactly as Excel would hold it, and the add-in's own gateway reads it (一致性检查) and
 * then reads, evaluates and writes the report (一键生成自评报告). The fake counts context.sync() calls and the bytes
 * of each batch (request and response), which is what Excel on the web limits (5 MB a response).
 */
import { evaluateWorkbook } from "../src/engine/evaluate";
import { buildReport } from "../src/engine/report/index";
import { rangeToA1 } from "../src/engine/a1";
import type { CellValue, WorkbookSnapshot } from "../src/engine/snapshot";
import { readWorkbook } from "../src/gateway/office/read";
import { writeReport } from "../src/gateway/office/write";
import { FakeExcel, fakeError, type FakeValue } from "../tests/fakes/excel-fake";

export interface RoundTrips {
  readonly syncs: number;
  /** The largest request or response of one sync, in bytes. */
  readonly largestBatchBytes: number;
  /** All responses together: whether the whole read could have come back in one 4 MB batch. */
  readonly responseBytes: number;
  readonly ms: number;
}

export interface ExcelCosts {
  readonly check: RoundTrips;
  readonly generate: RoundTrips;
}

function held(v: CellValue): FakeValue | null {
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return v.kind === "error" ? fakeError(v.code) : v.iso;
}

/** The workbook as Excel holds it: every sheet's values at their place, its merges and its visibility. */
export function workbookInFake(snapshot: WorkbookSnapshot): FakeExcel {
  const fake = new FakeExcel();
  for (const s of snapshot.sheets) {
    fake.addSheet(s.name, {
      origin: rangeToA1({ top: s.originRow, left: s.originCol, bottom: s.originRow, right: s.originCol }),
      rows: s.values.map((row) => row.map(held)),
      merges: s.merges.map(rangeToA1),
      visibility: s.hidden ? "Hidden" : "Visible",
    });
  }
  return fake;
}

function costs(fake: FakeExcel, start: bigint): RoundTrips {
  return {
    syncs: fake.syncCount,
    largestBatchBytes: fake.largestPayload,
    responseBytes: fake.syncs.reduce((n, s) => n + s.responseBytes, 0),
    ms: since(start),
  };
}

function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs check (read) and generate (read, evaluate, write) against a fresh fake of the workbook. */
export async function excelCosts(snapshot: WorkbookSnapshot): Promise<ExcelCosts> {
  const fake = workbookInFake(snapshot);
  const restore = fake.installOfficeGlobal();
  try {
    let start = process.hrtime.bigint();
    const read = await fake.run((context) => readWorkbook(context));
    evaluateWorkbook(read);
    const check = costs(fake, start);

    fake.resetSyncLog();
    start = process.hrtime.bigint();
    const again = await fake.run((context) => readWorkbook(context));
    const spec = buildReport(evaluateWorkbook(again), "zh-CN");
    await fake.run((context) => writeReport(context, spec));
    const generate = costs(fake, start);
    return { check, generate };
  } finally {
    restore();
  }
}
