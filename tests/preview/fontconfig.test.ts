/**
 * Issue 14 §3, fonts in `npm run preview:pdf`: LibreOffice falls back to Noto Sans CJK JP for 宋体/仿宋/楷体/黑体 and
 * to DejaVu Sans for Calibri (the default font column widths are counted in) unless the conversion reads our
 * fontconfig file, which maps each to a Simplified-Chinese face of Debian's packages and Calibri to metric-equal
 * Carlito. This checks the file says so and that the script hands it to LibreOffice.
 */
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const CONFIG = readFileSync(join(ROOT, "assets", "fonts", "fontconfig.xml"), "utf8");

/** family → the face it is mapped to, from the file's <alias> entries. */
function aliases(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of CONFIG.matchAll(
    /<alias binding="strong"><family>([^<]+)<\/family><prefer><family>([^<]+)<\/family><\/prefer><\/alias>/g,
  ))
    out.set(m[1], m[2]);
  return out;
}

describe("the preview's fontconfig", () => {
  it("maps the report's Chinese faces to Simplified-Chinese ones, never a Japanese face", () => {
    const map = aliases();
    expect(
      ["宋体", "SimSun", "仿宋", "仿宋_GB2312", "楷体", "楷体_GB2312", "黑体", "SimHei"].map((f) =>
        map.get(f),
      ),
    ).toEqual([
      "Noto Serif CJK SC",
      "Noto Serif CJK SC",
      "AR PL UMing CN",
      "AR PL UMing CN",
      "AR PL UKai CN",
      "AR PL UKai CN",
      "Noto Sans CJK SC",
      "Noto Sans CJK SC",
    ]);
    expect(CONFIG).not.toMatch(/<(family|string)>[^<]*CJK JP/);
    // The title face of official documents, bold as 小标宋 is.
    expect(CONFIG).toMatch(
      /<string>方正小标宋简体<\/string><\/test>\s*<edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC<\/string><\/edit>\s*<edit name="weight" mode="assign" binding="strong"><const>bold<\/const><\/edit>/,
    );
  });

  it("maps Calibri to Carlito, so columns are as wide as in Excel and rows fit their text", () => {
    expect(aliases().get("Calibri")).toBe("Carlito");
  });

  it("is the configuration the preview's LibreOffice conversion runs with", () => {
    const script = readFileSync(join(ROOT, "scripts", "preview-pdf.js"), "utf8");
    expect(script).toContain('const FONTCONFIG = join(ROOT, "assets", "fonts", "fontconfig.xml");');
    expect(script).toMatch(
      /execFileSync\(\s*"soffice"[\s\S]*?env: \{ \.\.\.process\.env, FONTCONFIG_FILE: FONTCONFIG \}/,
    );
  });
});
