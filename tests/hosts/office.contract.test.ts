/**
 * The host contract, run against the Office.js host over the recording Excel fake: the same suite as the WPS host's,
 * so the two hosts are held to one behaviour.
 */
import { createOfficeHost } from "../../src/gateway/office/host";
import { xlsxInFake } from "../excel/xlsx-in-fake";
import type { FakeExcel } from "../fakes/excel-fake";
import { runHostContract, type HostHarness } from "./contract";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function harness(excel: FakeExcel): HostHarness {
  restore = excel.installOfficeGlobal();
  const make = () => createOfficeHost({ run: (batch) => excel.run(batch), settings: excel.office.settings });
  return {
    host: make(),
    reopen: make,
    sheetNames: () => excel.sheetNames(),
    valueAt: (sheet, address) => excel.sheet(sheet).at(address).value,
    fillAt: (sheet, address) => {
      const fill = excel.sheet(sheet).at(address).fill;
      return fill && fill.pattern !== "None" ? fill.color.toUpperCase() : null;
    },
    setFill: (sheet, address, color) => {
      excel.sheet(sheet).at(address).fill = { color, pattern: "Solid" };
    },
    setValue: (sheet, address, value) => {
      excel.sheet(sheet).at(address).value = value;
    },
    protectSheet: (sheet) => {
      excel.sheet(sheet).protected = true;
    },
    protectStructure: () => {
      excel.model.protected = true;
    },
    activeSheet: () => excel.model.active?.name ?? null,
  };
}

runHostContract("Excel (Office.js fake)", async (bytes) => harness(await xlsxInFake(bytes)));
