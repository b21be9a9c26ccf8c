/**
 * @fluentui/react-components for jest, with each of its packages loaded on first use (jest.config.js maps the name
 * here). The real entry point requires all of its ~60 packages (accordion, calendar, tree, drawer…) before it returns;
 * a UI suite that renders the pane needs about a third of them, and jest loads them again for every test file, so that
 * is most of a second of CPU per UI suite spent on components no test renders. The exports are the same objects: each
 * name reads the same property of the same package as the real entry point, which is read here to learn which.
 * Should that file's shape ever change, this falls back to the real entry point as it is.
 */
const { readFileSync } = require("fs");
const { dirname, join } = require("path");

const ENTRY = join(
  __dirname,
  "..",
  "..",
  "node_modules",
  "@fluentui",
  "react-components",
  "lib-commonjs",
  "index.cjs",
);

/** `get Button () { return _reactbutton.Button; }` and `const _reactbutton = require("@fluentui/react-button");`. */
function lazyExports(source) {
  const packages = new Map();
  for (const [, variable, name] of source.matchAll(/^const (\w+) = require\("([^"]+)"\);$/gm))
    packages.set(variable, name);
  const requires = source.match(/require\(/g) ?? [];
  // A getter may carry line comments (eslint directives) between `get` and its name.
  const getters = [
    ...source.matchAll(/\bget\s+(?:\/\/[^\n]*\s*)*(\w+) \(\) \{\s*return (\w+)\.(\w+);\s*\}/g),
  ];
  const returns = source.match(/return \w+\.\w+;/g) ?? [];
  const named = getters.every(([, , variable]) => packages.has(variable));
  const whole = getters.length > 0 && getters.length === returns.length && requires.length === packages.size;
  if (!whole || !named) return null;
  const exported = {};
  Object.defineProperty(exported, "__esModule", { value: true });
  // Resolved from the entry point's folder (some of its packages are nested there, in versions of their own), once.
  const resolved = new Map();
  const load = (variable) => {
    if (!resolved.has(variable))
      resolved.set(variable, require.resolve(packages.get(variable), { paths: [dirname(ENTRY)] }));
    return require(resolved.get(variable));
  };
  for (const [, name, variable, property] of getters)
    Object.defineProperty(exported, name, { enumerable: true, get: () => load(variable)[property] });
  return exported;
}

module.exports = lazyExports(readFileSync(ENTRY, "utf8")) ?? require(ENTRY);
