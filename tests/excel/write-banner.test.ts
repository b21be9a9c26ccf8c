/**
 * Issue 12 §3 through the Office.js writer (fake): the banner the spec holds lands red and linked above both titles;
 * a report without errors has none.
 */
import { buildReport } from "../../src/engine/report/index";
import { writeReport } from "../../src/gateway/office/write";
import { seedFindings, seedInput } from "../engine/report/fixture";
import { FakeExcel } from "../fakes/excel-fake";

async function written(errors: boolean): Promise<FakeExcel> {
  const findings = errors
    ? seedFindings()
    : seedFindings().map((f) => ({ ...f, severity: "warning" as const }));
  const spec = buildReport(seedInput({ findings }), "zh-CN");
  const fake = new FakeExcel();
  fake.addSheet("表一 预算执行", { rows: [["年度资金总额", 1]] });
  const restore = fake.installOfficeGlobal();
  try {
    await fake.run((context) => writeReport(context, spec));
  } finally {
    restore();
  }
  return fake;
}

describe("the Office.js writer and the banner", () => {
  it("writes it in A1 of the 绩效自评表 and the 自评报告: red, bold, merged across, linked to 核查结果", async () => {
    const fake = await written(true);
    for (const name of ["绩效自评表", "自评报告"]) {
      const a1 = fake.sheet(name).cell(0, 0);
      expect(a1.value).toBe("核查发现 1 项错误，详见核查结果");
      expect(a1.font).toMatchObject({ bold: true, color: "#C00000" });
      expect(a1.hyperlink).toEqual({
        documentReference: "'核查结果'!A1",
        textToDisplay: "核查发现 1 项错误，详见核查结果",
      });
    }
    expect(fake.sheet("绩效自评表").cell(1, 0).value).toBe("2023年度部门整体支出绩效自评表");
    expect(fake.sheet("绩效自评表").pageLayout.printTitleRows).toBe("$2:$3");
  });

  it("writes none when no error stands", async () => {
    const fake = await written(false);
    expect(fake.sheet("绩效自评表").cell(0, 0).value).toBe("2023年度部门整体支出绩效自评表");
    expect(fake.sheet("绩效自评表").cell(0, 0).hyperlink).toBeNull();
    expect(fake.sheet("绩效自评表").pageLayout.printTitleRows).toBe("$1:$2");
  });
});
