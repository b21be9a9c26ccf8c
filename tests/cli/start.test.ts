/**
 * `npm start` prints in one language (issue 14 §3): its own lines and the check it runs follow --lang, or LANG as the
 * CLI reads it. The check's spawn is replaced by a recorder, so the test runs no build and no server.
 */
import { join } from "path";
import { SAMPLE_XLSX } from "./run-cli";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const start = require("../../scripts/start.js") as {
  TEXTS: Record<"zh-CN" | "en-US", Record<string, string | ((...args: never[]) => string)>>;
  startLang: (argv: string[], env: Record<string, string | undefined>) => "zh-CN" | "en-US";
  checkSample: (
    lang: "zh-CN" | "en-US",
    options: {
      spawn: (cmd: string, args: string[]) => { status: number };
      log: (line: string) => void;
      sample: string;
      cli: string;
    },
  ) => void;
};

const CLI = join(__dirname, "..", "..", "bin", "selfeval.js");

function run(lang: "zh-CN" | "en-US", status: number) {
  const lines: string[] = [];
  const calls: string[][] = [];
  start.checkSample(lang, {
    spawn: (_cmd, args) => {
      calls.push(args);
      return { status };
    },
    log: (line) => lines.push(line),
    sample: SAMPLE_XLSX,
    cli: CLI,
  });
  return { lines, args: calls[0] };
}

describe("npm start's language", () => {
  it("is --lang when given, else English only for an English LANG", () => {
    expect(start.startLang(["--lang", "en-US"], { LANG: "zh_CN.UTF-8" })).toBe("en-US");
    expect(start.startLang(["--lang=zh-CN"], { LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(start.startLang([], { LANG: "en_GB.UTF-8" })).toBe("en-US");
    expect(start.startLang([], { LANG: "C.UTF-8" })).toBe("zh-CN");
    expect(start.startLang([], {})).toBe("zh-CN");
  });

  it("prints the check's outcome in Chinese only, and runs the check with --lang zh-CN", () => {
    const { lines, args } = run("zh-CN", 0);
    expect(args.slice(-2)).toEqual(["--lang", "zh-CN"]);
    expect(lines[lines.length - 1]).toBe("（退出码 0：无错误）");
    expect(lines.join("\n")).not.toMatch(/exit code|no errors/);
    expect(run("zh-CN", 1).lines.pop()).toBe("（退出码 1：发现错误）");
  });

  it("prints it in English for en-US", () => {
    const { lines, args } = run("en-US", 1);
    expect(args.slice(-2)).toEqual(["--lang", "en-US"]);
    expect(lines[lines.length - 1]).toBe("(exit code 1: errors found)");
  });

  it("has every line of its own in both languages, the Chinese ones without English sentences", () => {
    expect(Object.keys(start.TEXTS["zh-CN"]).sort()).toEqual(Object.keys(start.TEXTS["en-US"]).sort());
    const zh = Object.values(start.TEXTS["zh-CN"]).map((v) =>
      typeof v === "string" ? v : (v as (...a: unknown[]) => string)("X", "X"),
    );
    // Commands, file names and URLs stay as typed; no run of English words.
    const commands = /`[^`]*`|npm run \w+|npm start/g;
    for (const line of zh) expect(line.replace(commands, "")).not.toMatch(/\b[A-Za-z]+ [a-z]+ [a-z]+\b/);
  });
});
