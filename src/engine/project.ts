/**
 * Project forms (issue 13) through the same rules and scorer as the department's tables: each form is seen as a
 * workbook of its own (its fund block as the budget block, its indicators, its typed 总分 and 评价等级), so every check
 * rule and every scoring rule applies to it unchanged; the findings it gives belong to the form (table "project").
 */
import { compareFindings, type Finding } from "./findings";
import type { Lang } from "./i18n";
import { projectDisplayName } from "./recognize/project";
import { runCheckRules, runScoreRules, type RuleRunOptions } from "./rules/run";
import { scoreDetails } from "./score/index";
import type { ScoreOptions, ScoreResult } from "./score/types";
import type { ProjectForm, RecognizedWorkbook } from "./tables";

export { projectDisplayName } from "./recognize/project";

export interface ProjectEvaluation {
  readonly form: ProjectForm;
  /** The 项目名称 as shown (written, else "项目 N"), in zh-CN: what findings and the JSON name the project by. */
  readonly name: string;
  /** The form as a workbook of its own. */
  readonly view: RecognizedWorkbook;
  /** Scored like the department: execution from its own fund block, its indicators; null when it has neither. */
  readonly score: ScoreResult | null;
  /** The form's findings (checker and scorer), sorted. */
  readonly findings: readonly Finding[];
}

/** One project form as a workbook: the rules and the scorer read it as they read the department's tables. */
export function projectView(form: ProjectForm): RecognizedWorkbook {
  const tables = [
    ...(form.budget
      ? [{ kind: "budget" as const, sheet: form.sheet, range: form.budget.range, unit: form.budget.unit }]
      : []),
    ...(form.indicators
      ? [{ kind: "indicators" as const, sheet: form.sheet, range: form.indicators.range }]
      : []),
  ];
  return {
    budget: form.budget,
    expenditures: [],
    indicators: form.indicators,
    info: null,
    tables,
    ...(form.typed ? { typed: form.typed } : {}),
    form,
  };
}

/** Checks and scores every project form of the workbook, in their order. */
export function evaluateProjects(rec: RecognizedWorkbook, options: ScoreOptions = {}): ProjectEvaluation[] {
  return (rec.projects ?? []).map((form, index) => {
    const name = projectDisplayName(form, index, "zh-CN");
    const view = projectView(form);
    const runOptions: RuleRunOptions = {
      ...(options.toleranceInUnit === undefined ? {} : { toleranceInUnit: options.toleranceInUnit }),
      ...(options.rules ? { rules: options.rules } : {}),
      form: { name },
    };
    const details = scoreDetails(view, options);
    const findings = [
      ...runCheckRules(view, runOptions),
      ...(details ? runScoreRules(view, details, runOptions) : []),
    ].sort(compareFindings);
    return { form, name, view, score: details?.result ?? null, findings };
  });
}

/** The project's name in `lang` (the written name is the same in both; "项目 2" / "Project 2" when none is written). */
export function projectName(project: ProjectEvaluation, index: number, lang: Lang): string {
  return projectDisplayName(project.form, index, lang);
}
