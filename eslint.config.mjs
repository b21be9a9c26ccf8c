import js from "@eslint/js";
import * as espree from "espree";
import path from "node:path";
import tseslint from "typescript-eslint";

// ------------------------------------------------------------------ the layers (issue 10, item 9)
// Which folder may import what. Moving a folder is an edit of these paths only; the rules below are derived.
const LAYERS = {
  /** The pure engine: imports nothing outside itself (no Office, DOM, Node, exceljs, not even app/). */
  engine: "src/engine",
  /** The only folders that may import exceljs or touch the Office/Excel globals. */
  gateways: ["src/gateway"],
  /** The views: they reach a gateway only through the host factory. */
  ui: ["src/taskpane", "src/preview", "src/commands", "src/wps"],
  /** Application code that must not touch Office/Excel (it talks to a WorkbookHost). */
  app: ["src/app"],
  /** The files that pick and build a host for the UI (Excel's; the preview's lazily loaded .xlsx one; WPS's). */
  hostFactory: ["src/app/hosts.ts", "src/app/xlsx-hosts.ts", "src/app/wps-hosts.ts"],
};

/**
 * Today's wrong-way imports, allowed until the pipeline refactor of issue 10 (item 2: hosts beside their gateways)
 * moves them; each entry names what it still does. Delete an entry when its file moves or stops doing it.
 */
const KNOWN_WRONG_WAY = {
  // None left: the hosts live beside their gateways (src/gateway/office, src/gateway/xlsx), the preview's view state in
  // src/preview/store.ts, and the UI gets its hosts from src/app/hosts.ts and src/app/xlsx-hosts.ts.
};

/** How deep a file may sit below its layer's folder; deeper files get no layer rule, so keep it above the tree. */
const MAX_DEPTH = 6;

const SOURCES = "{ts,tsx,js,mjs,cjs}";
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Files `depth` folders below `folder` (depth 0: directly in it). */
function filesAt(folder, depth) {
  return `${folder}/${"*/".repeat(depth)}*.${SOURCES}`;
}

/** A regex for import specifiers that, written from a file `depth` folders below `from`, reach `target`. */
function reaching(from, depth, target) {
  const here = path.posix.join(from, ..."x".repeat(depth));
  const relative = path.posix.relative(here, target);
  return `^${escape(relative.startsWith(".") ? relative : `./${relative}`)}(/|$)`;
}

const LAYER_MESSAGE = "Wrong-way import: see LAYERS in eslint.config.mjs and README, Development.";
const GLOBAL_MESSAGE =
  "Office.js belongs to a gateway: see LAYERS in eslint.config.mjs and README, Development.";

const EXCELJS = {
  name: "exceljs",
  message: `Only the gateways (${LAYERS.gateways.join(", ")}) import exceljs. ${LAYER_MESSAGE}`,
};

/**
 * exceljs by another way in: a file of the package (`exceljs/lib/doc/workbook`) or the gateway's own door to it
 * (src/gateway/xlsx/exceljs.ts, which loads the parts the gateway uses), by import or by require().
 */
const EXCELJS_PATTERNS = [
  { regex: "^exceljs/", message: EXCELJS.message },
  { regex: "(^|/)gateway/xlsx/exceljs$", message: EXCELJS.message },
];

const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension"].map((name) => ({
  name,
  message: `Only the gateways (${LAYERS.gateways.join(", ")}) touch the ${name} global. ${GLOBAL_MESSAGE}`,
}));

/** The rules of one file set: `patterns` for no-restricted-imports (also applied to dynamic import()). */
function layerRules({ exceljs, patterns: layerPatterns, globals }) {
  const patterns = [...layerPatterns, ...(exceljs ? EXCELJS_PATTERNS : [])];
  const selector = (regex) => `/${regex.replace(/\//g, "\\/")}/`;
  const rules = {
    "no-restricted-imports": ["error", { paths: exceljs ? [EXCELJS] : [], patterns }],
    "no-restricted-syntax": [
      "error",
      ...patterns.map((p) => ({
        selector: `ImportExpression[source.value=${selector(p.regex)}]`,
        message: p.message,
      })),
      ...(exceljs
        ? [
            { selector: "ImportExpression[source.value='exceljs']", message: EXCELJS.message },
            ...[{ regex: "^exceljs$" }, ...EXCELJS_PATTERNS].map((p) => ({
              selector: `CallExpression[callee.name='require'][arguments.0.value=${selector(p.regex)}]`,
              message: EXCELJS.message,
            })),
          ]
        : []),
    ],
  };
  // Set either way: a later block (KNOWN_WRONG_WAY) must be able to lift what an earlier one imposed.
  rules["no-restricted-globals"] = globals ? ["error", ...OFFICE_GLOBALS] : "off";
  return rules;
}

function layerConfigs() {
  const configs = [];
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    // The engine: nothing that leaves src/engine, and no package at all (node: built-ins included).
    configs.push({
      files: [filesAt(LAYERS.engine, depth)],
      rules: layerRules({
        exceljs: false, // a package like any other: refused by the pattern below
        globals: true,
        patterns: [
          {
            regex: `^(\\.\\./){${depth + 1}}`,
            message: `The engine imports nothing outside ${LAYERS.engine}. ${LAYER_MESSAGE}`,
          },
          { regex: "^[^.]", message: `The engine imports no package. ${LAYER_MESSAGE}` },
        ],
      }),
    });
    // The UI: no gateway except through the host factory.
    for (const folder of LAYERS.ui) {
      configs.push({
        files: [filesAt(folder, depth)],
        rules: layerRules({
          exceljs: true,
          globals: true,
          patterns: LAYERS.gateways.map((gateway) => ({
            regex: reaching(folder, depth, gateway),
            message: `The UI reaches ${gateway} only through the host factory (${LAYERS.hostFactory.join(", ")}). ${LAYER_MESSAGE}`,
          })),
        }),
      });
    }
    for (const folder of LAYERS.app) {
      configs.push({
        files: [filesAt(folder, depth)],
        ignores: LAYERS.hostFactory,
        rules: layerRules({ exceljs: true, globals: true, patterns: [] }),
      });
    }
  }
  // The rest of src (the CLI, the host factory) may use the gateways but not exceljs itself.
  configs.push({
    files: [`src/**/*.${SOURCES}`],
    ignores: [...[LAYERS.engine, ...LAYERS.gateways, ...LAYERS.ui, ...LAYERS.app].map((f) => `${f}/**`)],
    rules: layerRules({ exceljs: true, globals: false, patterns: [] }),
  });
  configs.push({
    files: LAYERS.hostFactory,
    rules: layerRules({ exceljs: true, globals: true, patterns: [] }),
  });
  // Today's known wrong-way imports (see KNOWN_WRONG_WAY): the named restriction is lifted for that file alone.
  for (const [file, allowed] of Object.entries(KNOWN_WRONG_WAY)) {
    const folder = [...LAYERS.ui, ...LAYERS.app].find((f) => file.startsWith(`${f}/`));
    const depth = file.slice(folder.length + 1).split("/").length - 1;
    configs.push({
      files: [file],
      rules: layerRules({
        exceljs: !allowed.includes("exceljs"),
        globals: !allowed.includes("office"),
        patterns:
          allowed.includes("gateway") || LAYERS.app.includes(folder)
            ? []
            : LAYERS.gateways.map((gateway) => ({
                regex: reaching(folder, depth, gateway),
                message: LAYER_MESSAGE,
              })),
      }),
    });
  }
  return configs;
}

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-wps/", "lib/", "coverage/", "tests/e2e/out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain .js files are node scripts (CommonJS): the CLI launcher, webpack's config, scripts/ and the e2e runner.
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        URL: "readonly",
        __filename: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-implied-eval": "error",
    },
  },
  ...layerConfigs(),
  // The task pane's guard for old webviews is a browser script that must parse in Internet Explorer 11: ES5 only.
  {
    files: ["src/taskpane/fallback.js"],
    languageOptions: {
      // ESLint's own parser, which holds the file to ES5 (TypeScript's parser would accept any syntax).
      parser: espree,
      ecmaVersion: 5,
      sourceType: "script",
      // Newer globals appear only behind typeof checks (the script asks whether the browser has them).
      globals: {
        window: "readonly",
        document: "readonly",
        Promise: "readonly",
        Symbol: "readonly",
        Map: "readonly",
        globalThis: "readonly",
      },
    },
    rules: {
      "no-var": "off",
      // ES5 has no `catch {}` without a binding.
      "@typescript-eslint/no-unused-vars": ["error", { caughtErrorsIgnorePattern: "^_" }],
    },
  },
);
