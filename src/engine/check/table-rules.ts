/** Whether the workbook holds anything the checker can work on. */
import type { Finding } from "../findings";
import type { RecognizedWorkbook } from "../tables";
import { tableMissingMessage } from "./messages";

export function checkTablesPresent(rec: RecognizedWorkbook): Finding[] {
  if (rec.budget || rec.expenditures.length > 0 || rec.indicators) return [];
  return [
    {
      rule: "table.missing",
      severity: "error",
      cells: [],
      expectedFen: null,
      actualFen: null,
      differenceFen: null,
      message: tableMissingMessage(),
    },
  ];
}
