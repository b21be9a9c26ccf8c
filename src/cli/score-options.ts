/**
 * The scorer's options as `selfeval generate` takes them on the command line (--tolerance, --over-threshold,
 * --over-deduction, --execution-caps, --qualitative), validated: a wrong value is a usage error (exit 2).
 */
import type { ScoreOptions } from "../engine/score/types";
import { CliUsageError, type CliOptionValues } from "./command";
import type { GenerateMessages } from "./generate-messages";

function decimal(text: string): number | null {
  // Number("") is 0 and Number("0x10") is 16: accept plain decimals only.
  return /^\d+(\.\d+)?$|^\.\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The scorer's options from the command line, validated (a wrong value is a usage error, exit 2). */
export function scoreOptions(values: CliOptionValues, t: GenerateMessages): ScoreOptions {
  const number = (option: string, rule: string, ok: (n: number) => boolean): number | undefined => {
    const raw = values[option];
    if (raw === undefined) return undefined;
    const n = decimal(String(raw));
    if (n === null || !ok(n)) throw new CliUsageError(t.badNumber(`--${option}`, String(raw), rule));
    return n;
  };
  const toleranceInUnit = number("tolerance", t.rules.tolerance, () => true);
  const overachieveThreshold = number("over-threshold", t.rules.threshold, (n) => n >= 1);
  const overachieveDeduction = number("over-deduction", t.rules.deduction, (n) => n <= 100);
  let qualitativeDefaults: ScoreOptions["qualitativeDefaults"];
  if (values.qualitative !== undefined) {
    const raw = String(values.qualitative);
    const parts = raw.split(/[,，]/).map((p) => decimal(p));
    const [met, partial, unmet] = parts;
    const valid =
      parts.length === 3 &&
      met !== null &&
      partial !== null &&
      unmet !== null &&
      met >= 80 &&
      met <= 100 &&
      partial >= 60 &&
      partial < 80 &&
      unmet >= 0 &&
      unmet < 60;
    if (!valid) throw new CliUsageError(t.badQualitative(raw));
    qualitativeDefaults = { met: met as number, partial: partial as number, unmet: unmet as number };
  }
  return {
    ...(toleranceInUnit !== undefined ? { toleranceInUnit } : {}),
    ...(overachieveThreshold !== undefined ? { overachieveThreshold } : {}),
    ...(overachieveDeduction !== undefined ? { overachieveDeduction } : {}),
    ...(values["execution-caps"] === true ? { executionCaps: true } : {}),
    ...(qualitativeDefaults ? { qualitativeDefaults } : {}),
  };
}
