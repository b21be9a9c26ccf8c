/**
 * How webpack bundles exceljs for the browser preview (src/preview), merged into webpack.config.js.
 *
 * exceljs's package.json points browsers at its prebuilt dist/exceljs.min.js. The .xlsx gateway, though, patches two of
 * exceljs's internal classes (src/gateway/xlsx/render-hyperlinks.ts: links to a cell of the same workbook), which it
 * reaches with require("exceljs/lib/…"). Against the prebuilt file that patch would load a second copy of exceljs and
 * change nothing, and that second copy needs Node's fs and stream. So the browser build takes exceljs from its own
 * sources (lib/exceljs.browser.js, the entry its dist file is made from): one copy, patched, and smaller (about
 * 130 KB gzip instead of 250). The few Node built-ins those sources touch come from packages already installed with
 * exceljs (buffer, events, readable-stream); what the browser never reaches (fs, crypto for sheet passwords, the
 * core-js and regenerator polyfills every supported browser has natively) is left out.
 *
 * The gateway itself requires only the parts it uses (src/gateway/xlsx/exceljs.ts: the Workbook class and the enums,
 * which is what that entry holds), so Node skips the streaming reader and writer; the alias keeps any plain
 * `import "exceljs"` on the same sources. All of it sits in the preview's lazy chunk: the task pane inside Excel never
 * downloads exceljs.
 */
"use strict";

const path = require("node:path");
const webpack = require("webpack");

function exceljsBrowserConfig() {
  return {
    alias: {
      exceljs$: "exceljs/lib/exceljs.browser.js",
      "regenerator-runtime/runtime": false,
      "core-js": false,
    },
    fallback: {
      fs: false,
      crypto: false,
      util: false,
      stream: require.resolve("readable-stream"),
      buffer: require.resolve("buffer/"),
      events: require.resolve("events/"),
    },
    plugins: [
      new webpack.ProvidePlugin({
        Buffer: ["buffer", "Buffer"],
        process: [path.resolve(__dirname, "..", "src", "preview", "browser-process.ts"), "browserProcess"],
      }),
    ],
  };
}

module.exports = { exceljsBrowserConfig };
