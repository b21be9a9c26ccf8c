/**
 * The functional-classification tree of a generated 支出决算表: 3-digit 类, 5-digit 款, 7-digit 项, with amounts in 分
 * that add up at every level (each 项 its own amounts, each 款 and 类 the sum of the rows under it).
 *
 * Deterministic: the same row count always gives the same codes, names and amounts (a seeded PRNG, no clock).
 * Every amount is a whole multiple of 100 元, so totals convert to 万元 with two decimals and no 尾差.
 */

/** 类 codes and names of the 2023 政府收支分类科目 (功能分类), in code order. */
export const CLASS_SUBJECTS: readonly (readonly [string, string])[] = [
  ["201", "一般公共服务支出"],
  ["203", "国防支出"],
  ["204", "公共安全支出"],
  ["205", "教育支出"],
  ["206", "科学技术支出"],
  ["207", "文化旅游体育与传媒支出"],
  ["208", "社会保障和就业支出"],
  ["210", "卫生健康支出"],
  ["211", "节能环保支出"],
  ["212", "城乡社区支出"],
  ["213", "农林水支出"],
  ["214", "交通运输支出"],
  ["215", "资源勘探工业信息等支出"],
  ["216", "商业服务业等支出"],
  ["217", "金融支出"],
  ["219", "援助其他地区支出"],
  ["220", "自然资源海洋气象等支出"],
  ["221", "住房保障支出"],
  ["222", "粮油物资储备支出"],
  ["224", "灾害防治及应急管理支出"],
  ["227", "预备费"],
  ["229", "其他支出"],
  ["230", "转移性支出"],
  ["231", "债务还本支出"],
  ["232", "债务付息支出"],
];

const SECTION_NAMES: readonly string[] = [
  "人大事务",
  "政协事务",
  "政府办公厅（室）及相关机构事务",
  "发展与改革事务",
  "统计信息事务",
  "财政事务",
  "税收事务",
  "审计事务",
  "人力资源事务",
  "纪检监察事务",
  "商贸事务",
  "知识产权事务",
  "民族事务",
  "港澳台事务",
  "档案事务",
  "民主党派及工商联事务",
  "群众团体事务",
  "党委办公厅（室）及相关机构事务",
  "组织事务",
  "宣传事务",
];

const ITEM_NAMES: readonly string[] = [
  "行政运行",
  "一般行政管理事务",
  "机关服务",
  "专项业务活动",
  "信息化建设",
  "事业运行",
  "专项普查活动",
  "统计抽样调查",
  "招商引资",
  "对外贸易管理",
  "国际经济合作",
  "财政监察",
  "预算改革业务",
  "财政国库业务",
  "信息化建设与运维",
  "税收业务",
  "审计业务",
  "大案要案查处",
  "派驻派出机构",
  "其他事务支出",
];

export type SubjectLevel = 1 | 2 | 3;

export interface SubjectRow {
  readonly code: string;
  readonly name: string;
  readonly level: SubjectLevel;
  /** 基本支出 and 项目支出 in 分; on a 款 or 类 the sums of its children. */
  basicFen: number;
  projectFen: number;
}

export interface SubjectTree {
  /** Rows in sheet order (类, its first 款, that 款's 项 …). */
  readonly rows: readonly SubjectRow[];
  /** Indexes into `rows` of the 类 rows (the 合计 row sums them). */
  readonly classIndexes: readonly number[];
  readonly totalBasicFen: number;
  readonly totalProjectFen: number;
  /** 款 per 类 and 项 per 款 of a full branch. */
  readonly branching: number;
}

/**
 * Math.imul read once: the tests draw a million numbers from prng (gateway/xlsx-read's long texts), and under jest's vm
 * context each read of the global `Math` costs about 0.2 µs, ten times the rest of a draw. The same function.
 */
const imul = Math.imul;

/** Mulberry32: a tiny seeded PRNG, so the workbooks are the same on every machine and every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows a 类 holds when every 款 has `b` 项 and every 类 has `b` 款. */
function classRows(b: number): number {
  return 1 + b * (1 + b);
}

/**
 * Chooses the branching so the rows spread over all 类 codes (25 of them) with at most 99 款 per 类 and 99 项 per 款,
 * the limits two code digits allow: 5,000 rows give 14, 200,000 rows 89.
 */
export function branchingFor(rowCount: number): number {
  const perClass = Math.ceil(rowCount / CLASS_SUBJECTS.length);
  let b = 1;
  while (classRows(b) < perClass && b < 99) b++;
  if (classRows(b) * CLASS_SUBJECTS.length < rowCount) {
    throw new RangeError(`${rowCount} rows do not fit the 3/5/7-digit code space`);
  }
  return b;
}

/** Random whole hundreds of 元, in 分: 1,000 元 to 5,000,000 元. */
function randomAmountFen(random: () => number): number {
  const hundreds = 10 + Math.floor(random() * 49_991);
  return hundreds * 100 * 100;
}

/**
 * Exactly `rowCount` subject rows. The tree is filled in code order, so the last 类 may be partial; a 类 or 款 that
 * ends up without children carries amounts of its own, like a 项.
 */
export function buildSubjectTree(rowCount: number, seed = 2023): SubjectTree {
  if (!Number.isInteger(rowCount) || rowCount < 1) throw new RangeError(`bad row count ${rowCount}`);
  const b = branchingFor(rowCount);
  const random = prng(seed);
  const rows: SubjectRow[] = [];
  const classIndexes: number[] = [];
  /** For each row, the index of its parent row (-1 for a 类). */
  const parents: number[] = [];
  const hasChildren: boolean[] = [];

  const push = (row: SubjectRow, parent: number): number => {
    rows.push(row);
    parents.push(parent);
    hasChildren.push(false);
    if (parent >= 0) hasChildren[parent] = true;
    return rows.length - 1;
  };

  outer: for (const [classCode, className] of CLASS_SUBJECTS) {
    const c = push({ code: classCode, name: className, level: 1, basicFen: 0, projectFen: 0 }, -1);
    classIndexes.push(c);
    if (rows.length === rowCount) break;
    for (let k = 1; k <= b; k++) {
      const sectionCode = classCode + String(k).padStart(2, "0");
      const sectionName = SECTION_NAMES[(k - 1) % SECTION_NAMES.length];
      const s = push({ code: sectionCode, name: sectionName, level: 2, basicFen: 0, projectFen: 0 }, c);
      if (rows.length === rowCount) break outer;
      for (let x = 1; x <= b; x++) {
        // 99 is "其他…支出" in the real classification; keep the name pool's last entry for it.
        const itemName = x === 99 ? "其他支出" : ITEM_NAMES[(x - 1) % (ITEM_NAMES.length - 1)];
        push(
          {
            code: sectionCode + String(x).padStart(2, "0"),
            name: itemName,
            level: 3,
            basicFen: 0,
            projectFen: 0,
          },
          s,
        );
        if (rows.length === rowCount) break outer;
      }
    }
  }

  // Leaves get amounts; 行政运行 is 基本支出 only, most others 项目支出, some both.
  rows.forEach((row, i) => {
    if (hasChildren[i]) return;
    const draw = random();
    const basic = row.name === "行政运行" || draw < 0.25;
    const project = row.name !== "行政运行" && (draw >= 0.15 || !basic);
    row.basicFen = basic ? randomAmountFen(random) : 0;
    row.projectFen = project ? randomAmountFen(random) : 0;
  });
  // Children come after their parents, so one backward pass carries every sum up.
  for (let i = rows.length - 1; i >= 0; i--) {
    const p = parents[i];
    if (p < 0) continue;
    rows[p].basicFen += rows[i].basicFen;
    rows[p].projectFen += rows[i].projectFen;
  }
  let totalBasicFen = 0;
  let totalProjectFen = 0;
  for (const i of classIndexes) {
    totalBasicFen += rows[i].basicFen;
    totalProjectFen += rows[i].projectFen;
  }
  if (!Number.isSafeInteger(totalBasicFen + totalProjectFen))
    throw new RangeError("totals beyond exact range");
  return { rows, classIndexes, totalBasicFen, totalProjectFen, branching: b };
}
