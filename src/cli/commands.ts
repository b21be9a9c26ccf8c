/**
 * Every subcommand as main.ts needs it to parse arguments and print help: its name, usage and options, and a `run` that
 * loads the command's module only when the command runs. A command's module pulls in what it reads and writes with
 * (exceljs, the docx reader, the checker), a second or so of loading that `--help`, a usage error or another command
 * should not pay. A new command is one entry here and a module exporting its run function.
 */
import { localized } from "../engine/i18n";
import type { CliCommand } from "./command";
import { en, zh } from "./generate-messages";
import { cliMessages } from "./messages";
import { reviewMessages } from "./review-messages";

export const COMMANDS: readonly CliCommand[] = [
  {
    name: "check",
    summary: localized(cliMessages("zh-CN").checkSummary, cliMessages("en-US").checkSummary),
    usage: localized(cliMessages("zh-CN").checkUsage, cliMessages("en-US").checkUsage),
    options: {
      json: { type: "boolean" },
      tolerance: { type: "string" },
      text: { type: "string" },
    },
    run: async (context) => (await import("./check")).runCheck(context),
  },
  {
    name: "generate",
    summary: localized(zh.summary, en.summary),
    usage: localized(zh.usage, en.usage),
    options: {
      out: { type: "string", short: "o" },
      docx: { type: "string" },
      json: { type: "boolean" },
      force: { type: "boolean" },
      tolerance: { type: "string" },
      "over-threshold": { type: "string" },
      "over-deduction": { type: "string" },
      "execution-caps": { type: "boolean" },
      qualitative: { type: "string" },
    },
    run: async (context) => (await import("./generate")).runGenerate(context),
  },
  {
    name: "review",
    summary: localized(reviewMessages("zh-CN").summary, reviewMessages("en-US").summary),
    usage: localized(reviewMessages("zh-CN").usage, reviewMessages("en-US").usage),
    options: {
      out: { type: "string", short: "o" },
      json: { type: "boolean" },
      force: { type: "boolean" },
      workers: { type: "string" },
    },
    run: async (context) =>
      (await import("./review")).runReview(context, { stderrIsTTY: process.stderr.isTTY === true }),
  },
];
