/**
 * Loaded by ts-node before any script (tsconfig.json, "ts-node" → "require"): writes the list of rule files,
 * src/engine/rules/registry.generated.ts, when it is missing or out of date (see scripts/rules-registry.js).
 */
"use strict";

require("./rules-registry.js").writeRegistry();
