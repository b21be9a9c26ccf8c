/**
 * Every real filing through the command line as an accountant would run it: `check --json` and `generate` (with the
 * Word report) in both languages. Whatever the filing holds, the CLI answers with an exit code it documents, JSON that
 * parses, and sentences — never a stack trace — and writes nothing beside what it was asked for.
 */
import { mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../cli/run-cli";
import { loadFilings, xlsxPathOf } from "./corpus-files";

/** A line of a JavaScript stack trace ("    at fn (file.js:1:2)") or an uncaught error's name. */
const STACK = /^\s+at\s|\b(TypeError|ReferenceError|RangeError|SyntaxError):/m;

const filings = loadFilings();

describe.each(["zh-CN", "en-US"] as const)("the CLI over the real filings (%s)", (lang) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "selfeval-corpus-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(filings.map((f) => [f.id, f] as const))("%s", async (id, filing) => {
    const input = xlsxPathOf(filing);

    const check = await runCli(["check", input, "--json", "--lang", lang]);
    expect([0, 1]).toContain(check.code);
    expect(check.stderr).toBe("");
    const envelope = JSON.parse(check.stdout) as { findings: unknown[]; summary: Record<string, number> };
    expect(Array.isArray(envelope.findings)).toBe(true);
    expect(Object.keys(envelope.summary).sort()).toEqual(["error", "notice", "warning"]);

    const out = join(dir, `${id}-${lang}.xlsx`);
    const docx = join(dir, `${id}-${lang}.docx`);
    const generated = await runCli(["generate", input, "--out", out, "--docx", docx, "--lang", lang]);
    // 0: written; 1: the tables the 自评表 needs are not there (a sentence says which, nothing written).
    expect([0, 1]).toContain(generated.code);
    expect(generated.stdout + generated.stderr).not.toMatch(STACK);
    const written = readdirSync(dir).filter((f) => f.startsWith(`${id}-${lang}.`));
    expect(written.sort()).toEqual(generated.code === 0 ? [`${id}-${lang}.docx`, `${id}-${lang}.xlsx`] : []);
  });
});
