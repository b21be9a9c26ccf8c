/** The host contract, run against the WPS host over the recording ET fake. */
import { parseA1Range } from "../../src/engine/a1";
import { fromBgr, toBgr } from "../../src/gateway/wps/et-api";
import { createWpsHost } from "../../src/gateway/wps/host";
import { NO_PATTERN } from "../fakes/wps/cells";
import { xlsxInWps } from "../fakes/wps/from-xlsx";
import type { FakeEtApp } from "../fakes/wps/workbook";
import { runHostContract, type HostHarness } from "./contract";

function harness(app: FakeEtApp): HostHarness {
  const make = () => createWpsHost({ app, pause: () => Promise.resolve() });
  const cellOf = (sheet: string, address: string) => {
    const { top, left } = parseA1Range(address);
    return app.workbook.sheet(sheet).cell(top, left);
  };
  return {
    host: make(),
    reopen: make,
    sheetNames: () => app.workbook.sheetNames,
    valueAt: (sheet, address) => cellOf(sheet, address).value,
    fillAt: (sheet, address) => {
      const cell = cellOf(sheet, address);
      return cell.fillPattern === NO_PATTERN ? null : fromBgr(cell.fillColor);
    },
    setFill: (sheet, address, color) => {
      const cell = cellOf(sheet, address);
      cell.fillColor = toBgr(color);
      cell.fillPattern = 1;
    },
    setValue: (sheet, address, value) => {
      cellOf(sheet, address).value = value;
    },
    protectSheet: (sheet) => app.workbook.sheet(sheet).protect(),
    protectStructure: () => {
      app.workbook.protectStructure = true;
    },
    activeSheet: () => app.workbook.activeSheet?.name ?? null,
  };
}

runHostContract("WPS 表格 (ET fake)", async (bytes) => harness(await xlsxInWps(bytes)));
