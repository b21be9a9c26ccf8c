/**
 * tests/stubs/fluent-icons-lazy.js (jest.config.js maps @fluentui/react-icons to it) gives each icon the pane and the
 * preview import as the real entry point draws it, and the entry point's other exports as they are.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const ENTRY = join(__dirname, "..", "..", "node_modules", "@fluentui", "react-icons", "lib-cjs", "index.cjs");

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
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real entry point, by its file
  const real = require(ENTRY) as Icons;
  expect(stub).not.toBe(real);
  const names = iconsImportedBySrc();
  expect(names).toContain("DismissRegular");
  expect(names).toContain("ArrowDownload20Regular");
  for (const name of [...names, "ChevronDownRegular", "CheckmarkCircleFilled", "Calendar3DayRegular"]) {
    const markup = (icons: Icons) => renderToStaticMarkup(createElement(icons[name] as ComponentType));
    expect([name, markup(stub)]).toEqual([name, markup(real)]);
    expect(stub[name]).not.toBe(real[name]); // read from the family's module, not the entry point
  }
  for (const name of ["wrapIcon", "bundleIcon", "createFluentIcon", "useIconState", "iconFilledClassName"])
    expect([name, stub[name]]).toEqual([name, real[name]]);
});
