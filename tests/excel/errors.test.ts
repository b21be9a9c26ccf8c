import {
  ExcelGatewayError,
  apiMissingError,
  describeExcelError,
  protectedError,
  toGatewayError,
} from "../../src/gateway/office/errors";
import { officeSettingsStore } from "../../src/gateway/office/store";
import { FakeOfficeError, FakeSettings } from "../fakes/excel-fake";

describe("toGatewayError", () => {
  test.each([
    [
      "InvalidOperationInCellEditMode",
      "edit-mode",
      "Excel 正在编辑单元格，暂时无法操作。请按 Enter 或 Esc 结束编辑后再试。",
      "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.",
    ],
    [
      "AccessDenied",
      "protected",
      "工作簿或工作表受保护，未写入任何内容。请在“审阅”选项卡中撤销保护后再试。",
      "The workbook or a worksheet is protected, so nothing was written. Unprotect it on the Review tab and try again.",
    ],
    [
      "ApiNotFound",
      "api-missing",
      "当前 Excel 版本过旧，缺少本功能所需的接口。请更新 Office，或使用 Excel 网页版。",
      "This version of Excel lacks the interface this feature needs. Update Office, or use Excel on the web.",
    ],
    [
      "ResponsePayloadSizeLimitExceeded",
      "too-large",
      "一次要传送的数据超出了 Excel 的限制。请删除工作簿中不需要的大范围数据后再试。",
      "The data to transfer at once exceeds Excel's limit. Remove large ranges the workbook does not need, then try again.",
    ],
    [
      "ItemNotFound",
      "not-found",
      "找不到要操作的工作表或单元格，可能已被删除或重命名。请重新检查后再试。",
      "A worksheet or cell the add-in needs is gone (deleted or renamed). Run the check again, then retry.",
    ],
    [
      "GeneralException",
      "general",
      "Excel 未能完成操作。请稍后重试；如仍失败，请保存并重新打开工作簿。",
      "Excel could not complete the operation. Try again in a moment; if it keeps failing, save and reopen the workbook.",
    ],
  ] as const)("%s → %s, in both languages", (code, problem, zh, en) => {
    const source = new FakeOfficeError(code, "raw Office text the user never sees");
    const error = toGatewayError(source);
    expect(error).toBeInstanceOf(ExcelGatewayError);
    expect(error.problem).toBe(problem);
    expect(error.officeCode).toBe(code);
    expect(error.cause).toBe(source);
    expect(error.messageIn("zh-CN")).toBe(zh);
    expect(error.messageIn("en-US")).toBe(en);
  });

  test("anything else is the general message, never a stack trace", () => {
    expect(describeExcelError(new TypeError("x is undefined"), "zh-CN")).toBe(
      "Excel 未能完成操作。请稍后重试；如仍失败，请保存并重新打开工作簿。",
    );
    expect(toGatewayError("oops").problem).toBe("general");
  });

  test("a gateway error passes through unchanged", () => {
    const e = apiMissingError("1.9");
    expect(toGatewayError(e)).toBe(e);
    expect(e.messageIn("en-US")).toBe(
      "This version of Excel lacks the interface this feature needs (ExcelApi 1.9). Update Office, or use Excel on the web.",
    );
  });

  test("protectedError names the sheets", () => {
    const e = protectedError({ workbook: true, sheets: ["绩效自评表", "核查结果"] });
    expect(e.messageIn("zh-CN")).toBe(
      "工作簿结构受保护，无法添加或删除工作表。工作表“绩效自评表”“核查结果”受保护。未写入任何内容。请在“审阅”选项卡中撤销保护后再试。",
    );
    expect(e.messageIn("en-US")).toBe(
      'The workbook\'s structure is protected, so sheets cannot be added or removed. The worksheets "绩效自评表", "核查结果" are protected. Nothing was written. Remove the protection on the Review tab and try again.',
    );
  });
});

describe("officeSettingsStore", () => {
  test("keeps values in the document settings and saves them with the document", async () => {
    const settings = new FakeSettings();
    const store = officeSettingsStore(settings);
    store.set("selfeval.highlights", { version: 1, cells: [{ sheet: "表一", address: "C8" }] });
    await store.save();
    settings.reload();
    expect(store.get("selfeval.highlights")).toEqual({
      version: 1,
      cells: [{ sheet: "表一", address: "C8" }],
    });
    expect(settings.saveCount).toBe(1);
    store.remove("selfeval.highlights");
    expect(store.get("selfeval.highlights")).toBeNull();
  });

  test("a failed save rejects with Office's reason", async () => {
    const store = officeSettingsStore({
      get: () => null,
      set: () => undefined,
      remove: () => undefined,
      saveAsync: (callback) =>
        callback?.({ status: "failed", error: { message: "The document is read-only." } }),
    });
    await expect(store.save()).rejects.toThrow("The document is read-only.");
  });
});
