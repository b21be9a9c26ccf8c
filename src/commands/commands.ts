/**
 * The ribbon's function commands (FunctionFile commands.html). They run the task pane's pipeline without the pane:
 * 一键生成自评 writes the report sheets and shows the 自评表; 一致性检查 writes them too and shows the 核查结果 list.
 * Without the tables the 自评表 needs, both write the 核查结果 sheet alone and show it: its findings say what is
 * missing, and a user who clicked the ribbon has no other place to read that.
 * This bundle must stay small and never import React or Fluent UI (tests/taskpane/commands.test.ts checks the imports).
 * Office requires every command to call event.completed() on every path, or the ribbon button stays busy;
 * completeAfter guarantees that.
 */
import type { WorkbookHost } from "../app/host";
import { createOfficeHost, officeDisplayLanguage, officeGlobal } from "../app/hosts";
import { checkToSheet, generateToSheets, openFindingsSheet } from "../app/pipeline";
import { reportLangOf, toScoreOptions } from "../app/settings";
import { langFromDisplayLanguage, type Lang } from "../engine/i18n";

/** The names the manifest's ExecuteFunction actions use; tests/manifest.test.ts checks both sides agree. */
export const COMMAND_NAMES = ["generateReport", "runCheck"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** What Office hands a command: only completed() is needed here. */
export interface CommandEvent {
  completed(): void;
}

/** Runs the command's work, logs a failure instead of throwing into Office, and always completes the event. */
export async function completeAfter(event: CommandEvent, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    // Without a pane there is nowhere to show a message; the console keeps it for whoever looks.
    console.error("绩效自评助手 command failed / command failed:", error);
  } finally {
    event.completed();
  }
}

/** Where a command runs: the workbook, and the user's display language for a report that follows the UI. */
export interface CommandContext {
  readonly host: WorkbookHost;
  readonly uiLang: Lang;
}

function officeContext(): CommandContext {
  return { host: createOfficeHost(), uiLang: langFromDisplayLanguage(officeDisplayLanguage()) };
}

/**
 * 一键生成自评: read, check, score, write; the gateway activates the 自评表. Without the budget block or the indicators
 * only the 核查结果 sheet is written, and shown.
 */
export async function generateWork(ctx: CommandContext): Promise<void> {
  const settings = await ctx.host.loadSettings();
  const outcome = await generateToSheets(
    ctx.host,
    toScoreOptions(settings),
    reportLangOf(settings, ctx.uiLang),
  );
  if (outcome.missing.length > 0) await openFindingsSheet(ctx.host, outcome);
}

/**
 * 一致性检查: check and write the report sheets (or the 核查结果 sheet alone when the tables for a 自评表 are missing),
 * then show the 核查结果 sheet.
 */
export async function checkWork(ctx: CommandContext): Promise<void> {
  const settings = await ctx.host.loadSettings();
  const outcome = await checkToSheet(ctx.host, toScoreOptions(settings), reportLangOf(settings, ctx.uiLang));
  await openFindingsSheet(ctx.host, outcome);
}

export function generateReport(
  event: CommandEvent,
  context: () => CommandContext = officeContext,
): Promise<void> {
  return completeAfter(event, () => generateWork(context()));
}

export function runCheck(event: CommandEvent, context: () => CommandContext = officeContext): Promise<void> {
  return completeAfter(event, () => checkWork(context()));
}

/** The part of office.js the registration uses, so tests can hand in a fake. */
export interface OfficeActionsLike {
  onReady(): unknown;
  actions?: { associate(name: string, handler: (event: CommandEvent) => void): void };
}

/** Tells Office which function answers which ExecuteFunction name. Returns the names registered. */
export function registerCommands(
  office: OfficeActionsLike | undefined,
  context: () => CommandContext = officeContext,
): CommandName[] {
  if (!office?.actions) return [];
  // Office waits for the function file to signal readiness before it invokes any command.
  office.onReady();
  const handlers: Record<CommandName, (event: CommandEvent) => Promise<void>> = {
    generateReport: (event) => generateReport(event, context),
    runCheck: (event) => runCheck(event, context),
  };
  for (const name of COMMAND_NAMES) office.actions.associate(name, (event) => void handlers[name](event));
  return [...COMMAND_NAMES];
}

registerCommands(officeGlobal<OfficeActionsLike>());
