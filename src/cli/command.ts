/**
 * What a subcommand is, so main.ts can dispatch to any of them from one table: adding one means an entry in COMMANDS
 * (commands.ts) whose `run` loads the command's own module.
 */
import type { ParseArgsConfig } from "util";
import type { Lang, Localized } from "../engine/i18n";

/** Where the CLI reads and writes; injected so tests run in-process. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory relative paths are resolved against (default: the process's). */
  readonly cwd?: string;
}

export type CliOptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

export interface CommandContext {
  readonly io: CliIO;
  readonly lang: Lang;
  readonly values: CliOptionValues;
  readonly positionals: readonly string[];
}

export interface CliCommand {
  readonly name: string;
  /** One line for `selfeval --help`. */
  readonly summary: Localized;
  /** The full text for `selfeval <name> --help`. */
  readonly usage: Localized;
  /** The command's own options in util.parseArgs form; --lang and --help are added by main.ts. */
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  /**
   * Returns the exit status: 0 fine, 1 problems found, 2 unusable input or arguments. Loads the command's module when
   * called, so nothing a command alone needs is loaded for another one or for --help.
   */
  readonly run: (context: CommandContext) => Promise<number>;
}

/**
 * A mistake in what the user typed or handed in. main.ts prints `line` (already localized, one line) on stderr and
 * exits with 2; anything else thrown is reported as an internal error, still without a stack trace.
 */
export class CliUsageError extends Error {
  readonly line: string;

  constructor(line: string) {
    super(line);
    this.name = "CliUsageError";
    this.line = line;
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
