/** project.duplicate-name: two project forms with the same 项目名称 (issue 13) — one is probably a copy left behind. */
import { localized } from "../../i18n";
import { quoteText } from "../../quote";
import { defineRule } from "../rule";

export const projectDuplicateName = defineRule({
  id: "project.duplicate-name",
  meta: {
    table: "project",
    severity: "warning",
    name: localized("项目名称重复", "Duplicate project name"),
    description: localized(
      "工作簿中两张项目支出绩效自评表的项目名称相同",
      "Two project forms of the workbook have the same project name",
    ),
  },
  check({ workbook, report }) {
    const first = new Map<string, { sheet: string; row: number; col: number }>();
    for (const form of workbook.projects ?? []) {
      if (!form.name) continue;
      const key = form.name.text.replace(/\s+/g, "");
      if (key === "") continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, form.name.pos);
        continue;
      }
      const name = quoteText(form.name.text.trim());
      report({
        cells: [form.name.pos, earlier],
        message: localized(
          `项目名称“${name}”与另一张项目支出绩效自评表重复：请核对是否重复填报`,
          `The project name “${name}” is the same as on another project form: check it is not filed twice`,
        ),
      });
    }
  },
});
