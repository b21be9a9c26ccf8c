/**
 * The ribbon's function commands: both names are associated with Office, every path completes the event (or the
 * ribbon button stays busy), and the commands bundle never pulls in React or Fluent UI.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  COMMAND_NAMES,
  completeAfter,
  generateReport,
  registerCommands,
  runCheck,
  type CommandEvent,
  type OfficeActionsLike,
} from "../../src/commands/commands";

function event(): CommandEvent & { completed: jest.Mock } {
  return { completed: jest.fn() };
}

test("registers generateReport and runCheck with Office.actions.associate after signalling readiness", () => {
  const associate = jest.fn();
  const onReady = jest.fn();
  const office: OfficeActionsLike = { onReady, actions: { associate } };
  expect(registerCommands(office)).toEqual(["generateReport", "runCheck"]);
  expect(onReady).toHaveBeenCalledTimes(1);
  expect(associate.mock.calls.map((call) => call[0])).toEqual(["generateReport", "runCheck"]);
});

test("the associated handlers complete the event", async () => {
  const handlers = new Map<string, (event: CommandEvent) => void>();
  registerCommands({
    onReady: () => undefined,
    actions: { associate: (name, handler) => handlers.set(name, handler) },
  });
  for (const name of COMMAND_NAMES) {
    const e = event();
    handlers.get(name)?.(e);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(e.completed).toHaveBeenCalledTimes(1);
  }
});

test("without office.js (or without Office.actions) nothing is registered and nothing throws", () => {
  expect(registerCommands(undefined)).toEqual([]);
  expect(registerCommands({ onReady: () => undefined })).toEqual([]);
});

test("generateReport and runCheck complete their event exactly once", async () => {
  for (const command of [generateReport, runCheck]) {
    const e = event();
    await command(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
  }
});

test("a failing command still completes its event, and the failure is logged, not thrown", async () => {
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const e = event();
    await expect(
      completeAfter(e, async () => {
        throw new Error("sheet is protected");
      }),
    ).resolves.toBeUndefined();
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(1);
  } finally {
    errors.mockRestore();
  }
});

/** Follows relative imports from a source file and returns every bare (package) import reached. */
function packagesImportedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(
      /(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g,
    )) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec.startsWith(".")) {
        packages.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const candidates = [
        base,
        `${base}.ts`,
        `${base}.tsx`,
        path.join(base, "index.ts"),
        path.join(base, "index.tsx"),
      ];
      const resolved = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
      if (resolved) queue.push(resolved);
    }
  }
  return packages;
}

test("the commands bundle imports neither React nor Fluent UI", () => {
  const packages = [...packagesImportedFrom(path.resolve(__dirname, "../../src/commands/commands.ts"))];
  expect(packages.filter((p) => /^(react|react-dom)(\/|$)|^@fluentui\//.test(p))).toEqual([]);
});
