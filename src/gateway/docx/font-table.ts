/**
 * word/fontTable.xml with a fallback for each official-document face. The docx package writes a font table without
 * w:altName, so the report supplies its own: Word (and WPS) use w:altName when the named face is not installed, and
 * w:charset 86 (GB2312) keeps any other substitute a Chinese face.
 */
interface FontEntry {
  readonly name: string;
  readonly altName?: string;
  /** w:charset: 86 = GB2312, 00 = ANSI. */
  readonly charset: "86" | "00";
  readonly family: "roman" | "modern" | "swiss" | "script";
  readonly pitch: "variable" | "fixed";
}

const FONTS: readonly FontEntry[] = [
  { name: "方正小标宋简体", altName: "宋体", charset: "86", family: "roman", pitch: "variable" },
  { name: "仿宋_GB2312", altName: "仿宋", charset: "86", family: "modern", pitch: "fixed" },
  { name: "楷体_GB2312", altName: "楷体", charset: "86", family: "modern", pitch: "fixed" },
  { name: "黑体", altName: "SimHei", charset: "86", family: "modern", pitch: "fixed" },
  { name: "宋体", altName: "SimSun", charset: "86", family: "roman", pitch: "variable" },
  { name: "仿宋", altName: "FangSong", charset: "86", family: "modern", pitch: "fixed" },
  { name: "楷体", altName: "KaiTi", charset: "86", family: "modern", pitch: "fixed" },
  { name: "Times New Roman", charset: "00", family: "roman", pitch: "variable" },
  { name: "Arial", charset: "00", family: "swiss", pitch: "variable" },
];

export const FONT_TABLE_PATH = "word/fontTable.xml";

export function fontTableXml(): string {
  const fonts = FONTS.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ""}` +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
    `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`
  );
}
