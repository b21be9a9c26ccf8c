/**
 * The ribbon's function commands (FunctionFile commands.html). They run without the task pane, so this bundle must
 * stay small and never import React or Fluent UI. Office requires every command to call event.completed() on every
 * path, or the ribbon button stays busy; completeAfter guarantees that.
 */

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
    console.error("绩效自评助手 command failed / command failed:", error);
  } finally {
    event.completed();
  }
}

/**
 * The work behind each ribbon button. The pipeline (read, check, score, write the report sheets) arrives with the
 * add-in issue; until then a command only acknowledges the click so the ribbon does not hang.
 */
const COMMAND_WORK: Readonly<Record<CommandName, () => Promise<void>>> = {
  generateReport: async () => {},
  runCheck: async () => {},
};

export function generateReport(event: CommandEvent): Promise<void> {
  return completeAfter(event, COMMAND_WORK.generateReport);
}

export function runCheck(event: CommandEvent): Promise<void> {
  return completeAfter(event, COMMAND_WORK.runCheck);
}

/** The part of office.js the registration uses, so tests can hand in a fake. */
export interface OfficeActionsLike {
  onReady(): unknown;
  actions?: { associate(name: string, handler: (event: CommandEvent) => void): void };
}

/** Tells Office which function answers which ExecuteFunction name. Returns the names registered. */
export function registerCommands(office: OfficeActionsLike | undefined): CommandName[] {
  if (!office?.actions) return [];
  // Office waits for the function file to signal readiness before it invokes any command.
  office.onReady();
  const handlers: Record<CommandName, (event: CommandEvent) => Promise<void>> = { generateReport, runCheck };
  for (const name of COMMAND_NAMES) office.actions.associate(name, (event) => void handlers[name](event));
  return [...COMMAND_NAMES];
}

registerCommands(typeof Office === "undefined" ? undefined : (Office as unknown as OfficeActionsLike));
