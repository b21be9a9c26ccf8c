/** Every error ends as one sentence in the user's language; a programming error never shows its own text. */
import {
  describeError,
  missingTablesError,
  noWorkbookError,
  officeNotReadyError,
  problemOf,
} from "../../src/app/errors";
import { ExcelGatewayError, toGatewayError } from "../../src/gateway/office/errors";
import { WorkbookReadError } from "../../src/gateway/xlsx/read-error";

test("the add-in's own errors speak both languages", () => {
  expect(describeError(officeNotReadyError(), "zh-CN")).toBe(
    "Excel 尚未就绪，无法读取工作簿。请稍候片刻再试；如仍不行，请关闭并重新打开本加载项。",
  );
  expect(describeError(noWorkbookError(), "en-US")).toBe(
    "This page is not running inside Excel and no workbook is open. Load the add-in in Excel and try again.",
  );
  expect(describeError(missingTablesError(["budget", "indicators"]), "zh-CN")).toBe(
    "工作簿中没有找到预算执行情况表（全年预算数、全年执行数）和绩效指标表（指标、指标值、完成值、分值），无法生成自评报告。请检查表头文字，或点击“插入模板”按模板填写。",
  );
  expect(describeError(missingTablesError(["budget", "indicators"]), "en-US")).toBe(
    'The workbook has neither budget execution table (budget and executed amounts) nor indicators table (indicator, target, actual, weight), so the report cannot be written. Check the header labels, or use "Insert template" and fill it in.',
  );
  expect(problemOf(missingTablesError(["budget"]))).toBe("missing-tables");
});

test("the gateways' errors are worded by the gateways", () => {
  const editMode = toGatewayError({ code: "InvalidOperationInCellEditMode" });
  expect(editMode).toBeInstanceOf(ExcelGatewayError);
  expect(describeError(editMode, "zh-CN")).toBe(editMode.messageIn("zh-CN"));
  expect(describeError(editMode, "zh-CN")).toMatch(/^Excel 正在编辑单元格/);
  expect(problemOf(editMode)).toBe("edit-mode");
  expect(describeError(new WorkbookReadError("legacy-xls"), "en-US")).toBe(
    "This is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel and try again.",
  );
});

test("anything else is a general sentence, never the error's own message or stack", () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'items')");
  expect(describeError(bug, "zh-CN")).toBe(
    "操作未能完成。请再试一次；如仍失败，请保存工作簿后重新打开本加载项。",
  );
  expect(describeError("boom", "en-US")).toBe(
    "The operation could not be completed. Try again; if it keeps failing, save the workbook and reopen the add-in.",
  );
  expect(problemOf(bug)).toBe("general");
});
