/**
 * Builds the add-in's two pages: dist/taskpane.html (React + Fluent UI) and dist/commands.html (the ribbon's function
 * file, kept free of React), and copies the icons, the sample workbook and manifest.xml beside them.
 * `webpack serve` serves them on localhost:3000 — https when the Office dev certificates are installed, else http.
 */
"use strict";

const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { PORT, HOST, HTTP_FALLBACK_NOTE, devHttpsOptions } = require("./scripts/serve.js");
const { exceljsBrowserConfig } = require("./scripts/exceljs-browser.js");
const { RulesRegistryPlugin } = require("./scripts/rules-registry.js");

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const dev = mode === "development";
  const httpsOptions = env.WEBPACK_SERVE ? await devHttpsOptions() : null;
  if (env.WEBPACK_SERVE && !httpsOptions) console.warn(HTTP_FALLBACK_NOTE);
  // The browser preview's exceljs, built from its sources (see scripts/exceljs-browser.js); only its lazy chunk uses it.
  const exceljs = exceljsBrowserConfig();

  return {
    mode,
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
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
            options: {
              // Type errors are `npm run typecheck`'s job; the bundle only needs the JavaScript.
              transpileOnly: true,
              // ES modules, so webpack can tree-shake Fluent's icons and split `import()` into lazy chunks.
              compilerOptions: { module: "es2020", sourceMap: dev },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // React and Fluent change rarely: their own chunks stay cached across releases of our code.
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg)[\\/]/,
            name: "fluent",
            priority: 10,
          },
        },
      },
    },
    // issue 4 budgets the task pane's first load at 300 KB gzip; uncompressed, that is roughly this much.
    performance: { hints: dev ? false : "warning", maxEntrypointSize: 1_200_000, maxAssetSize: 1_200_000 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          // The README's pictures stay in the repository: the add-in serves its icons, not documentation.
          { from: "assets", to: "assets", globOptions: { ignore: ["**/readme/**"] } },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/taskpane/support.html", to: "support.html" },
          // The pane's ES5 guard for old webviews, as written: taskpane.html loads it by name (no minifier rewrites it).
          { from: "src/taskpane/fallback.js", to: "fallback.js", info: { minimized: true } },
          { from: "src/taskpane/fallback.css", to: "fallback.css" },
        ],
      }),
      ...exceljs.plugins,
      // Writes src/engine/rules/registry.generated.ts (the list of rule files) before each build and rebuild.
      new RulesRegistryPlugin(),
    ],
    devServer: {
      host: HOST,
      port: PORT,
      server: httpsOptions ? { type: "https", options: httpsOptions } : { type: "http" },
      static: false,
      hot: false,
      headers: { "Cache-Control": "no-store" },
    },
  };
};
