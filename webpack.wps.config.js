/**
 * Builds the WPS 表格 add-in (`npm run build:wps`) into dist-wps/, without WPS's wpsjs tool:
 *   dist-wps/selfeval_<version>/   the add-in folder: ribbon.xml, main.js (the ribbon's callbacks, no React),
 *                                  taskpane.html with its scripts (the React pane), fallback.js and fallback.css
 *                                  (the plain page where the pane cannot run), assets/
 *   dist-wps/jsplugins.xml          online deployment: lists the folder at its intranet address (`--env url=…`)
 *   dist-wps/publish.xml            offline deployment: lists the folder copied into the user's jsaddons directory
 * WPS opens the add-in's page itself and loads main.js from the folder, so main.js is one file with a fixed name and
 * no index.html is shipped (WPS makes its own). `--env only=main` builds main.js alone (the add-in test does).
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { exceljsBrowserConfig } = require("./scripts/exceljs-browser.js");
const { RulesRegistryPlugin } = require("./scripts/rules-registry.js");
const { version } = require("./package.json");

/** The add-in's name in WPS: the folder is `<name>_<version>`, as WPS names the add-ins it installs. */
const ADDIN_NAME = "selfeval";

function xmlAttr(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The two list files WPS reads from its jsaddons directory (online: jspluginonline; offline: jsplugin). */
function deploymentFiles(folder, url) {
  const online = `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlAttr(url)}" enable="true" />
</jsplugins>
`;
  const offline = `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${xmlAttr(folder)}" version="${xmlAttr(version)}" enable="true" />
</jsplugins>
`;
  return { "jsplugins.xml": online, "publish.xml": offline };
}

/** Writes the list files beside the add-in folder once the build is out. */
class DeploymentFilesPlugin {
  constructor(dir, files) {
    this.dir = dir;
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap("DeploymentFilesPlugin", () => {
      for (const [name, text] of Object.entries(this.files))
        fs.writeFileSync(path.join(this.dir, name), text);
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const folder = `${ADDIN_NAME}_${version}`;
  const root = path.resolve(__dirname, env.outDir || "dist-wps");
  const url = env.url || `http://intranet.example/wps/${folder}/`;
  const onlyMain = env.only === "main";
  const exceljs = exceljsBrowserConfig();

  return {
    mode,
    devtool: false,
    // `--env cacheDir=<folder>`: webpack's persistent cache there (tests/gateway/wps-addin.test.ts builds main.js on
    // every run; a rebuild of unchanged sources reuses the compiled and minified modules). Off unless asked for.
    ...(env.cacheDir
      ? {
          cache: {
            type: "filesystem",
            cacheDirectory: path.resolve(env.cacheDir),
            buildDependencies: { config: [__filename] },
          },
        }
      : {}),
    entry: onlyMain
      ? { main: "./src/wps/main.ts" }
      : { main: "./src/wps/main.ts", taskpane: "./src/wps/pane.tsx" },
    output: {
      path: path.join(root, folder),
      // main.js keeps its name: WPS's page loads it by name. The pane's scripts are referenced from taskpane.html.
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].chunk.js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      alias: exceljs.alias,
      fallback: exceljs.fallback,
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: false } },
          },
        },
      ],
    },
    optimization: {
      // main.js must stay one file; the pane may split its lazy parts.
      splitChunks: { chunks: (chunk) => chunk.name !== "main" },
    },
    performance: { hints: false },
    plugins: [
      ...(onlyMain
        ? []
        : [
            new HtmlWebpackPlugin({
              filename: "taskpane.html",
              template: "./src/wps/pane.html",
              chunks: ["taskpane"],
            }),
          ]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          // The pane's guard and its plain page, shared with Excel's taskpane.html (see src/taskpane/fallback.js).
          ...(onlyMain
            ? []
            : [
                { from: "src/taskpane/fallback.js", to: "fallback.js", info: { minimized: true } },
                { from: "src/taskpane/fallback.css", to: "fallback.css" },
              ]),
        ],
      }),
      new DeploymentFilesPlugin(root, deploymentFiles(folder, url)),
      ...exceljs.plugins,
      // Writes src/engine/rules/registry.generated.ts (the list of rule files) before each build and rebuild.
      new RulesRegistryPlugin(),
    ],
  };
};
