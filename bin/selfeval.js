#!/usr/bin/env node
"use strict";
// The CLI is written in TypeScript and compiled to lib/ by `npm run build:cli` (run by `prepare` on npm install).
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && /lib[\\/]cli[\\/]main/.test(String(error.message))) {
    process.stderr.write("selfeval: lib/ is missing; run `npm run build:cli` first.\n");
    process.exit(2);
  }
  throw error;
}
cli.main();
