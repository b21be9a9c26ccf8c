/**
 * tests/stubs/fluent-icons-lazy.js (jest.config.js maps @fluentui/react-icons to it) gives each icon the pane and the
 * preview import as the real entry point draws it (compared with the entry point's chunk that defines it), and the
 * entry point's other exports as they are.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const LIB = join(__dirname, "..", "..", "node_modules", "@fluentui", "react-icons", "lib-cjs");
const ENTRY = join(LIB, "index.cjs");

/**
 * The chunk files the entry point requires, each with its text: requiring only the chunk that defines a name gives
 * what the entry point gives for it, without running all ~90 of them (which the stub exists to avoid).
 */
function entryChunks(): { file: string; text: string }[] {
  return [
    ...readFileSync(ENTRY, "utf8").matchAll(/require\("\.\/((?:icons|sizedIcons)\/chunk-\d+\.cjs)"\)/g),
  ].map(([, path]) => ({ file: join(LIB, path), text: readFileSync(join(LIB, path), "utf8") }));
}

/** The icon as the entry point exports it: from the one chunk that defines it. */
function fromEntry(chunks: { file: string; text: string }[], name: string): unknown {
  const defining = chunks.filter(({ text }) => text.includes(`exports.${name} = (`));
  expect([name, defining.length]).toEqual([name, 1]);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- one chunk of the real entry point, by its file
  return (require(defining[0].file) as Icons)[name];
}

/** The icon names imported from @fluentui/react-icons anywhere under src/. */
function iconsImportedBySrc(): string[] {
  const names = new Set<string>();
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(entry.name))
        for (const [, list] of readFileSync(path, "utf8").matchAll(
          /import\s*\{([^}]*)\}\s*from\s*"@fluentui\/react-icons"/g,
        ))
          for (const name of list.split(",")) if (name.trim()) names.add(name.trim());
    }
  };
  visit(join(__dirname, "..", "..", "src"));
  return [...names].sort();
}

type Icons = Record<string, unknown>;

test("every icon src/ imports, and some Fluent's components draw, renders as the entry point's", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the mapped name, as the product imports it
  const stub = require("@fluentui/react-icons") as Icons;
  const chunks = entryChunks();
  expect(chunks.length).toBeGreaterThan(50);
  const names = iconsImportedBySrc();
  expect(names).toContain("DismissRegular");
  expect(names).toContain("ArrowDownload20Regular");
  for (const name of [...names, "ChevronDownRegular", "CheckmarkCircleFilled", "Calendar3DayRegular"]) {
    const real = fromEntry(chunks, name);
    const markup = (icon: unknown) => renderToStaticMarkup(createElement(icon as ComponentType));
    expect([name, markup(stub[name])]).toEqual([name, markup(real)]);
    expect(stub[name]).not.toBe(real); // read from the family's module, not from the entry point's chunk
  }
  // The entry point's other exports are its own modules' objects.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry point's modules, by their files
  const own = (path: string) => require(join(LIB, path)) as Icons;
  expect(stub.wrapIcon).toBe(own("utils/wrapIcon.cjs").wrapIcon);
  expect(stub.bundleIcon).toBe(own("utils/bundleIcon.cjs").bundleIcon);
  expect(stub.createFluentIcon).toBe(own("utils/createFluentIcon.cjs").createFluentIcon);
  expect(stub.useIconState).toBe(own("utils/useIconState.cjs").useIconState);
  expect(stub.iconFilledClassName).toBe("fui-Icon-filled");
  expect(stub.useIconContext).toBe(own("contexts/index.cjs").useIconContext);
});
