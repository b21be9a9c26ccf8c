/**
 * Runs the registry's rules: the checker's pass (`check` hooks over the recognised tables) and the scorer's pass
 * (`checkScores` hooks over the scores). Severity and enablement come from here — the rule's meta, or the caller's
 * RuleProfile — never from inside a rule. Findings come back sorted (compareFindings); rules run in registry order,
 * which only decides the order of findings that sort equal (same severity, same first cell).
 */
import { toA1 } from "../a1";
import { compareFindings, type CellAddress, type Finding, type Severity } from "../findings";
import type { ScoreDetails } from "../score/details";
import type { CellPos, RecognizedWorkbook } from "../tables";
import type { TextComparison } from "../text/match";
import { RULES, ruleById, type RuleId } from "./index";
import type { CheckOptionsForRules, ReportDescriptor, Rule } from "./rule";

/** Per rule: its severity, or "off". Rules not named keep their meta.severity. */
export type RuleProfile = Readonly<Partial<Record<RuleId, Severity | "off">>>;

/** The severity a rule's findings get under a profile, or "off" when the rule does not run. */
export function severityOf(id: RuleId, profile: RuleProfile = {}): Severity | "off" {
  return profile[id] ?? ruleById(id).meta.severity;
}

const LOWER: Record<Severity, Severity> = { error: "warning", warning: "notice", notice: "notice" };

function addressOf(cell: CellPos | CellAddress): CellAddress {
  return "address" in cell
    ? { sheet: cell.sheet, address: cell.address }
    : { sheet: cell.sheet, address: toA1(cell.row, cell.col) };
}

export interface RuleRunOptions extends CheckOptionsForRules {
  readonly rules?: RuleProfile;
  /**
   * Run over the view of one project form (src/engine/project.ts): the rules about the whole workbook are left out
   * and every finding belongs to the form (table "project", its name).
   */
  readonly form?: { readonly name: string };
}

type Hook = "check" | "checkScores" | "checkText";

function run(
  hook: Hook,
  workbook: RecognizedWorkbook,
  scores: ScoreDetails | null,
  options: RuleRunOptions,
  comparisons: readonly TextComparison[] = [],
): Finding[] {
  const profile = options.rules ?? {};
  const ruleOptions: CheckOptionsForRules =
    options.toleranceInUnit === undefined ? {} : { toleranceInUnit: options.toleranceInUnit };
  const findings: Finding[] = [];
  const form = options.form;
  for (const rule of RULES as readonly Rule<RuleId, RuleId>[]) {
    if (severityOf(rule.id, profile) === "off") continue;
    if (form && rule.meta.wholeWorkbookOnly) continue;
    const report = (d: ReportDescriptor<RuleId>): void => {
      const id = d.as ?? rule.id;
      const configured = severityOf(id, profile);
      if (configured === "off") return;
      const finding = buildFinding(rule, id, d.mitigated ? LOWER[configured] : configured, d);
      findings.push(form ? { ...finding, table: "project", project: form.name } : finding);
    };
    if (hook === "check") rule.check?.({ workbook, options: ruleOptions, report });
    else if (hook === "checkText") rule.checkText?.({ workbook, options: ruleOptions, comparisons, report });
    else if (scores) rule.checkScores?.({ workbook, options: ruleOptions, scores, report });
  }
  return findings.sort(compareFindings);
}

function buildFinding(
  rule: Rule<RuleId, RuleId>,
  id: RuleId,
  severity: Severity,
  d: ReportDescriptor<RuleId>,
) {
  const table = d.table ?? (rule.meta.table === "any" ? undefined : rule.meta.table);
  const finding: Finding = {
    rule: id,
    severity,
    cells: d.cells.map(addressOf),
    ...(table ? { table } : {}),
    expectedFen: d.expectedFen ?? null,
    actualFen: d.actualFen ?? null,
    differenceFen: d.differenceFen ?? null,
    ...(d.unit ? { unit: d.unit } : {}),
    message: d.message,
    ...(d.text ? { text: d.text } : {}),
  };
  return finding;
}

/** The checker's pass: every enabled rule's `check` hook over the recognised tables. */
export function runCheckRules(workbook: RecognizedWorkbook, options: RuleRunOptions = {}): Finding[] {
  return run("check", workbook, null, options);
}

/** The scorer's pass: every enabled rule's `checkScores` hook over the scores. */
export function runScoreRules(
  workbook: RecognizedWorkbook,
  scores: ScoreDetails,
  options: RuleRunOptions = {},
): Finding[] {
  return run("checkScores", workbook, scores, options);
}

/** The report-text pass: every enabled rule's `checkText` hook over the prose's figures compared with the workbook's. */
export function runTextRules(
  workbook: RecognizedWorkbook,
  comparisons: readonly TextComparison[],
  options: RuleRunOptions = {},
): Finding[] {
  return run("checkText", workbook, null, options, comparisons);
}
