"use strict";
/**
 * `npm run bench`: the bench is written in TypeScript (bench/main.ts) and run through ts-node without type checking,
 * so it needs no build step of its own. Arguments after `--` are passed on (`npm run bench -- --quick`).
 */
// The list of rule files the engine imports (src/engine/rules/registry.generated.ts), before anything loads it.
require("../scripts/rules-registry.js").writeRegistry();
require("ts-node").register({ transpileOnly: true });
require("./main.ts");
