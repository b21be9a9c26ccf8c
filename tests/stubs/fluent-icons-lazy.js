/**
 * @fluentui/react-icons for jest, with each icon loaded when first used (jest.config.js maps the name here; the Fluent
 * packages import it by that name too). The real entry point requires every icon the package has, ~90 chunk files
 * and about 10 MB of JavaScript, before it returns: jest compiles and runs all of it again for every UI test file
 * (about a second of CPU each), for the handful of icons the pane and Fluent's components draw.
 *
 * The package also publishes each icon family as a module of its own (its "./svg/*" export, lib-cjs/atoms/svg):
 * `ArrowDownload20Regular` is in atoms/svg/arrow-download.cjs, made by the same createFluentIcon call with the same
 * paths as in the chunk. A name is read from there; the entry point's other exports (wrapIcon, bundleIcon,
 * useIconState, the class names, the contexts) from the same files the entry point re-exports. Any name found in
 * neither, and every name should the entry point's shape ever change, comes from the real entry point as it is.
 */
const { existsSync, readFileSync } = require("fs");
const { join } = require("path");

const ROOT = join(__dirname, "..", "..", "node_modules", "@fluentui", "react-icons", "lib-cjs");
const ENTRY = join(ROOT, "index.cjs");

/** The entry point's own modules (not icons), as it requires them: `require("./utils/constants.cjs")`. */
function ownModules(source) {
  const required = [...source.matchAll(/require\("([^"]+)"\)/g)].map(([, path]) => path);
  const own = required.filter(
    (path) => path.startsWith("./") && !/^\.\/(icons|sizedIcons)\/chunk-\d+\.cjs$/.test(path),
  );
  const known = required.every(
    (path) => path === "tslib" || /^\.\/(icons|sizedIcons)\/chunk-\d+\.cjs$/.test(path) || own.includes(path),
  );
  return known && own.length > 0 ? own.map((path) => join(ROOT, path)) : null;
}

/** The atoms/svg files that may hold an icon: `Calendar3Day20Regular` → calendar-3-day.cjs (size dropped, or kept). */
function iconFiles(name) {
  const icon = /^([A-Z][A-Za-z0-9]*?)(\d+)?(Regular|Filled|Color|Light)$/.exec(name);
  if (!icon) return [];
  const [, base, size = ""] = icon;
  const kebab = (words) =>
    words
      .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
      .replace(/([A-Za-z])(\d)/g, "$1-$2")
      .toLowerCase();
  const names = size ? [kebab(base), kebab(base + size)] : [kebab(base)];
  return names.map((file) => join(ROOT, "atoms", "svg", `${file}.cjs`)).filter((file) => existsSync(file));
}

function lazyIcons(own) {
  let entry = null;
  const found = new Map();
  const lookUp = (name) => {
    for (const file of [...own, ...iconFiles(name)]) {
      const exported = require(file);
      if (Object.prototype.hasOwnProperty.call(exported, name)) return exported[name];
    }
    entry ??= require(ENTRY);
    return entry[name];
  };
  return new Proxy(
    { __esModule: true },
    {
      get(target, name) {
        if (typeof name !== "string" || name === "__esModule") return target[name];
        if (!found.has(name)) found.set(name, lookUp(name));
        return found.get(name);
      },
      has(target, name) {
        return name === "__esModule" || (typeof name === "string" && this.get(target, name) !== undefined);
      },
    },
  );
}

const own = ownModules(readFileSync(ENTRY, "utf8"));
module.exports = own ? lazyIcons(own) : require(ENTRY);
