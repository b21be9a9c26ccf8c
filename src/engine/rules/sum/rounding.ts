/**
 * sum.rounding: a sum that misses by no more than the tolerance (0.01 of the table's unit by default) is 尾差, a
 * rounding difference, not an error. The sum rules and cross.sheet report it in place of their own finding (their
 * meta.also), so this rule has no hook of its own; its entry gives the name and the severity.
 */
import { localized } from "../../i18n";
import { defineRule } from "../rule";

export const sumRounding = defineRule({
  id: "sum.rounding",
  meta: {
    table: "any",
    severity: "notice",
    name: localized("尾差", "Rounding difference"),
    description: localized(
      "合计与分项之和相差不超过允许误差（尾差）",
      "A total misses the sum of its parts by no more than the tolerance (a rounding difference)",
    ),
  },
});
