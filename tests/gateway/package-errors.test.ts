/** The package writer on bytes it cannot add sheets to: one typed error with a sentence in both languages. */
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { buildReport } from "../../src/engine/report/index";
import { addReportToPackage, PackageWriteError } from "../../src/gateway/xlsx/package/index";
import { seedInput } from "../engine/report/fixture";

const spec = buildReport(seedInput(), "zh-CN");

async function failure(bytes: Uint8Array): Promise<PackageWriteError> {
  try {
    await addReportToPackage(bytes, spec);
  } catch (error) {
    if (error instanceof PackageWriteError) return error;
    throw error;
  }
  throw new Error("no error");
}

test("bytes that are not a zip", async () => {
  const error = await failure(new TextEncoder().encode("科目编码,科目名称\n201,一般公共服务支出\n"));
  expect(error.message).toBe("the workbook is not a readable zip package");
  expect(error.messageIn("zh-CN")).toBe(
    "无法把报告写入这个工作簿文件：文件结构不完整。请在 Excel 中打开并另存为 .xlsx 后重试。",
  );
  expect(error.messageIn("en-US")).toBe(
    "The report cannot be written into this workbook file: its structure is incomplete. Open it in Excel, save it as .xlsx and try again.",
  );
});

test("a zip without a workbook part", async () => {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  const error = await failure(await zip.generateAsync({ type: "uint8array" }));
  expect(error.message).toBe("the package has no workbook part (xl/workbook.xml)");
});

test("a workbook part that is not well-formed XML", async () => {
  const sample = readFileSync(
    join(__dirname, "..", "..", "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx"),
  );
  const zip = await JSZip.loadAsync(sample);
  zip.file("xl/workbook.xml", "<workbook><sheets><sheet name=");
  const error = await failure(await zip.generateAsync({ type: "uint8array" }));
  expect(error.message).toMatch(/^the package could not be edited: /);
});

test("a workbook saved as Strict Open XML (its sheets would not fit ours)", async () => {
  const sample = readFileSync(
    join(__dirname, "..", "..", "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx"),
  );
  const zip = await JSZip.loadAsync(sample);
  const book = await zip.file("xl/workbook.xml")!.async("string");
  zip.file(
    "xl/workbook.xml",
    book.replace(
      'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
      'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"',
    ),
  );
  const error = await failure(await zip.generateAsync({ type: "uint8array" }));
  expect(error.message).toBe(
    "the workbook is saved as Strict Open XML, which the package writer does not write",
  );
});
