/**
 * The `selfeval` command line: parses arguments with Node's util.parseArgs, dispatches to a subcommand from
 * COMMANDS, and turns every failure into one localized line on stderr with exit status 2 (never a stack trace).
 */
import { parseArgs, type ParseArgsConfig } from "util";
import { langFromDisplayLanguage, parseLang, type Lang } from "../engine/i18n";
import { CliUsageError, EXIT_OK, EXIT_USAGE, type CliIO } from "./command";
import { COMMANDS } from "./commands";
import { cliMessages } from "./messages";
import { MAX_THREADS, startWorkersEarly } from "./review-pool";
import { reviewThreads, tuneV8ForReview } from "./review-tiering";
import { packageVersion } from "./version";

/** Every subcommand (commands.ts: each loads its module only when it runs). */
export { COMMANDS };

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** Options every command accepts, and the bare `selfeval` too. */
const GLOBAL_OPTIONS: OptionsConfig = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  lang: { type: "string" },
};

/** Runs the CLI on `argv` (without node and the script) and returns the exit status. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let lang = langFromEnvironment(io.env);
  try {
    lang = chosenLang(argv) ?? lang;
    const { name, rest } = splitCommand(argv);

    if (name === null) {
      const { values } = parseOrExplain(rest, GLOBAL_OPTIONS, false, null, lang);
      if (values.help) return print(io, cliMessages(lang).usage(commandList(lang)));
      if (values.version) return print(io, packageVersion());
      throw new CliUsageError(cliMessages(lang).missingCommand);
    }

    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new CliUsageError(cliMessages(lang).unknownCommand(name));
    const options = { ...GLOBAL_OPTIONS, ...command.options };
    const { values, positionals } = parseOrExplain(rest, options, true, command.name, lang);
    if (values.help) return print(io, command.usage[lang]);
    if (values.version) return print(io, packageVersion());
    return await command.run({ io, lang, values, positionals });
  } catch (error) {
    io.stderr(failureLine(error, lang) + "\n");
    return EXIT_USAGE;
  }
}

/** The entry point bin/selfeval.js calls. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // Piping into `head` closes stdout early; that is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  });
  // A setting of the whole process (V8's), and threads started before the command has loaded its modules (their
  // start-up then overlaps this thread's: review-pool.ts), so made here and not in `run`, which tests call in-process.
  const threads = splitCommand(argv).name === "review" ? reviewThreads(argv) : 1;
  if (threads > 1) {
    tuneV8ForReview();
    // None for a run that checks nothing: more threads than the command accepts (it refuses them), or --help and
    // --version (a worker still starting up holds the process's exit back by a tenth of a second or two).
    const checks = !argv.some((a) => ["--help", "-h", "--version", "-v"].includes(a));
    if (checks && threads <= MAX_THREADS) startWorkersEarly(threads - 1);
  }
  process.exitCode = await run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  });
}

/** Without --lang: English when LANG starts with "en", Chinese otherwise (the users are Chinese accountants). */
export function langFromEnvironment(env: CliIO["env"]): Lang {
  return langFromDisplayLanguage(env.LANG);
}

function print(io: CliIO, text: string): number {
  io.stdout(text.endsWith("\n") ? text : text + "\n");
  return EXIT_OK;
}

function commandList(lang: Lang): { name: string; summary: string }[] {
  return COMMANDS.map((c) => ({ name: c.name, summary: c.summary[lang] }));
}

/**
 * Reads --lang before anything else, so even a mistake in the other arguments is reported in the chosen language.
 * Returns null when --lang is absent (or given without a value, which parseArgs reports later).
 */
function chosenLang(argv: readonly string[]): Lang | null {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") break;
    let value: string | undefined;
    if (token === "--lang") value = argv[i + 1];
    else if (token.startsWith("--lang=")) value = token.slice("--lang=".length);
    if (value === undefined) continue;
    const lang = parseLang(value);
    if (!lang) throw new CliUsageError(cliMessages(langFromDisplayLanguage(value)).badLang(value));
    return lang;
  }
  return null;
}

/** Finds the subcommand: the first argument that is neither an option nor an option's value. */
function splitCommand(argv: readonly string[]): { name: string | null; rest: string[] } {
  const takesValue = new Set<string>();
  for (const options of [GLOBAL_OPTIONS, ...COMMANDS.map((c) => c.options)]) {
    for (const [long, config] of Object.entries(options)) {
      if (config.type !== "string") continue;
      takesValue.add(`--${long}`);
      if (config.short) takesValue.add(`-${config.short}`);
    }
  }
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") break;
    if (token.startsWith("-") && token !== "-") {
      if (takesValue.has(token)) i++;
      continue;
    }
    return { name: token, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: null, rest: [...argv] };
}

interface Parsed {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

/** util.parseArgs, with its English error messages replaced by localized one-liners. */
function parseOrExplain(
  args: string[],
  options: OptionsConfig,
  allowPositionals: boolean,
  command: string | null,
  lang: Lang,
): Parsed {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals, strict: true });
    return { values, positionals };
  } catch (error) {
    const t = cliMessages(lang);
    const code = (error as { code?: unknown }).code;
    const text = error instanceof Error ? error.message : String(error);
    const option = /'(-[^' ]*)/.exec(text)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new CliUsageError(t.unknownOption(option, command));
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new CliUsageError(
        /does not take/.test(text)
          ? t.optionTakesNoValue(option, command)
          : t.optionNeedsValue(option, command),
      );
    }
    throw new CliUsageError(t.badArguments(firstLine(text), command));
  }
}

function failureLine(error: unknown, lang: Lang): string {
  if (error instanceof CliUsageError) return error.line;
  const detail = error instanceof Error ? error.message : String(error);
  return cliMessages(lang).internalError(firstLine(detail));
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0].trim();
}
