/**
 * The pane's formatting is the engine's (src/engine/format.ts), which the components import directly; these names are
 * kept for tests/taskpane/format.test.ts.
 */
export { amountWithUnit as amountText, rateText, scoreText } from "../engine/format";
