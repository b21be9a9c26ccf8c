/**
 * Page and type of the Word report as Chinese official documents are set (GB/T 9704-2012 党政机关公文格式): A4, margins
 * 37 / 35 / 28 / 26 mm, title 二号 方正小标宋简体, body 三号 仿宋_GB2312, level-1 headings 黑体, level-2 楷体_GB2312,
 * 28-point fixed line spacing, page numbers "— 1 —". The English report keeps the page and spacing with Latin faces.
 */
import type { Lang } from "../../engine/i18n";

/** 1 mm in twips (1/20 pt): 1440 twips an inch, 25.4 mm an inch. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** A4, 210 × 297 mm, as Word writes it (11906 × 16838 twips). */
export const A4 = { width: mmToTwips(210), height: mmToTwips(297) } as const;

export const MARGINS = {
  top: mmToTwips(37),
  bottom: mmToTwips(35),
  left: mmToTwips(28),
  right: mmToTwips(26),
  header: mmToTwips(15),
  // GB/T 9704 puts the page number's top 7 mm below the text block (35 − 7 = 28 mm above the page edge); a 四号
  // number is about 5 mm tall, so its baseline sits about 23 mm above the edge.
  footer: mmToTwips(23),
} as const;

/** The text block's width: what a full-width table spans. */
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** 28-point fixed line spacing, in twips (w:line with w:lineRule="exact"). */
export const LINE_EXACT = 28 * 20;

/** Font sizes in points: 二号 22, 三号 16, 四号 14 (page numbers), 五号 10.5 (the table). */
export const SIZES = { title: 22, body: 16, pageNumber: 14, table: 10.5 } as const;

/** A run's faces: `ascii`/`hAnsi` for Latin letters and digits, `eastAsia` for Chinese (w:rFonts). */
export interface RunFonts {
  readonly ascii: string;
  readonly hAnsi: string;
  readonly eastAsia: string;
}

export interface DocumentFonts {
  readonly title: RunFonts;
  readonly body: RunFonts;
  readonly heading: RunFonts;
  readonly subheading: RunFonts;
  readonly table: RunFonts;
  readonly pageNumber: RunFonts;
}

const zh = (eastAsia: string): RunFonts => ({ ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia });
const latin = (face: string, eastAsia: string): RunFonts => ({ ascii: face, hAnsi: face, eastAsia });

/**
 * The faces GB/T 9704 names. They are set by their own names (not by a fallback's) because most government machines
 * have them and a bureau checks for them; a machine without them still shows an acceptable face: the font table
 * (fontTable.xml) gives each its fallback as w:altName (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体),
 * which Word's own font substitution uses when the named face is absent (WPS substitutes the same way), and marks
 * them as GB2312 (charset 86) faces so a substitute is always a Chinese one. 华文中宋 would be a closer fallback for
 * the title, but it comes only with Microsoft Office; 宋体 is on every Chinese Windows. Digits and Latin letters are
 * in Times New Roman, as official documents set them. The English report uses Times New Roman and Arial, with
 * Chinese faces for any Chinese text it quotes (department names, indicator names).
 */
export function documentFonts(lang: Lang): DocumentFonts {
  if (lang === "zh-CN") {
    return {
      title: zh("方正小标宋简体"),
      body: zh("仿宋_GB2312"),
      heading: zh("黑体"),
      subheading: zh("楷体_GB2312"),
      table: zh("宋体"),
      pageNumber: zh("宋体"),
    };
  }
  return {
    title: latin("Times New Roman", "宋体"),
    body: latin("Times New Roman", "仿宋_GB2312"),
    heading: latin("Arial", "黑体"),
    subheading: latin("Arial", "楷体_GB2312"),
    table: latin("Arial", "宋体"),
    pageNumber: latin("Times New Roman", "宋体"),
  };
}
