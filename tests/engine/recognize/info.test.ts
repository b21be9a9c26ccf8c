import { recognizeWorkbook } from "../../../src/engine/recognize/index";
import type { InfoBlock, InfoField } from "../../../src/engine/tables";
import { sheet, workbook } from "../../helpers/grid";
import { INDICATOR_HEADER } from "../../fixtures/seed";

function infoOf(...sheets: Parameters<typeof workbook>): InfoBlock {
  const info = recognizeWorkbook(workbook(...sheets)).info;
  if (!info) throw new Error("no info recognised");
  return info;
}

/** field → [label text, label A1-ish position, value text, value position]. */
function pairs(info: InfoBlock) {
  const out: Partial<Record<InfoField, [string, number, number, string, number, number]>> = {};
  for (const [k, f] of Object.entries(info.fields) as [
    InfoField,
    NonNullable<InfoBlock["fields"][InfoField]>,
  ][]) {
    out[k] = [f.label.text, f.label.pos.row, f.label.pos.col, f.value.text, f.value.pos.row, f.value.pos.col];
  }
  return out;
}

describe("info: label/value pairs to the right and below", () => {
  const grid = sheet(
    "基本情况",
    [
      ["部门整体支出绩效自评基本情况表", null, null, null],
      ["一、部门名称", null, "岳阳市君山产业开发区管委会", null],
      ["评价年度", 2023, null, null],
      ["（一）职能职责", null, null, null],
      ["贯彻执行中央和省、市关于产业开发区的方针政策和决策部署。", null, null, null],
      [
        "（二）机构设置：",
        "内设机构5个：综合管理部、经济合作部、开发建设部、产业发展部、财政金融部。",
        null,
        null,
      ],
      ["七、存在的问题", null, null, null],
      [null, null, null, null],
      ["八、下一步改进措施", "加强预算绩效管理。", null, null],
      ["九、部门整体支出绩效自评结果拟应用和公开情况", "在部门门户网站公开。", null, null],
      ["十、其他需要说明的情况", "无", null, null],
    ],
    { merges: ["A1:D1", "A2:B2"] },
  );
  const info = infoOf(grid);

  it("reads each field from the first filled cell right of the label, else the cell below", () => {
    expect(pairs(info)).toEqual({
      department: ["一、部门名称", 1, 0, "岳阳市君山产业开发区管委会", 1, 2],
      year: ["评价年度", 2, 0, "2023", 2, 1],
      functions: ["（一）职能职责", 3, 0, "贯彻执行中央和省、市关于产业开发区的方针政策和决策部署。", 4, 0],
      organization: [
        "（二）机构设置：",
        5,
        0,
        "内设机构5个：综合管理部、经济合作部、开发建设部、产业发展部、财政金融部。",
        5,
        1,
      ],
      measures: ["八、下一步改进措施", 8, 0, "加强预算绩效管理。", 8, 1],
      application: ["九、部门整体支出绩效自评结果拟应用和公开情况", 9, 0, "在部门门户网站公开。", 9, 1],
      other: ["十、其他需要说明的情况", 10, 0, "无", 10, 1],
    });
  });

  it("leaves out a label with no value and bounds the block by its pairs", () => {
    expect(info.fields.problems).toBeUndefined();
    expect(info.fields.year?.value.raw).toBe(2023);
    expect(info.sheet).toBe("基本情况");
    expect(info.range).toEqual({ top: 1, left: 0, bottom: 10, right: 2 });
  });
});

describe("info: the Hunan 自评表 header and goal rows", () => {
  const grid = sheet(
    "自评表",
    [
      ["2023年度部门整体支出绩效自评表", null, null, null, null, null, null, null],
      ["预算部门名称：衡山县贯塘乡人民政府", null, null, null, null, null, null, null],
      ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null, null],
      [null, "保障全乡正常运转，推进乡村振兴。", null, null, "全乡各项工作有序推进。", null, null, null],
      ["绩效指标", ...INDICATOR_HEADER.slice(0, 7)],
    ],
    { merges: ["A1:H1", "A2:H2", "A3:A4", "B3:D3", "E3:H3", "B4:D4", "E4:H4"] },
  );
  const info = infoOf(grid);

  it("splits a label and its value written in one cell", () => {
    expect(info.fields.department?.label).toEqual({
      pos: { sheet: "自评表", row: 1, col: 0 },
      raw: "预算部门名称：衡山县贯塘乡人民政府",
      text: "预算部门名称",
    });
    expect(info.fields.department?.value.text).toBe("衡山县贯塘乡人民政府");
    expect(info.fields.department?.value.pos).toEqual({ sheet: "自评表", row: 1, col: 0 });
  });

  it("never takes a label for a value: the goal and its completion come from the row below", () => {
    expect(pairs(info).overallGoal).toEqual(["预期目标", 2, 1, "保障全乡正常运转，推进乡村振兴。", 3, 1]);
    expect(pairs(info).goalCompletion).toEqual(["实际完成情况", 2, 4, "全乡各项工作有序推进。", 3, 4]);
  });
});

describe("info: across sheets", () => {
  it("keeps the first value of each field and places the block on the sheet with most fields", () => {
    const cover = sheet("封面", [["单位名称", "某某局"]]);
    const text = sheet("报告", [
      ["部门名称", "另一个名字"],
      ["职能职责", "负责全县财政工作。"],
      ["机构设置", "内设股室8个。"],
    ]);
    const info = infoOf(cover, text);
    expect(info.fields.department?.value.text).toBe("某某局");
    expect(info.fields.department?.value.pos.sheet).toBe("封面");
    expect(info.sheet).toBe("报告");
    expect(info.range).toEqual({ top: 1, left: 0, bottom: 2, right: 1 });
  });

  it("is null when no field has a value", () => {
    expect(recognizeWorkbook(workbook(sheet("S", [["部门名称"]]))).info).toBeNull();
  });
});
