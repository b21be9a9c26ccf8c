/**
 * Kept for tests/reliability/hostile-files.test.ts, which imports the table.missing message from here: every message
 * now lives in its rule's file (src/engine/rules/). Remove once that test imports from the rule.
 */
export { tableMissingMessage } from "../rules/table/missing";
