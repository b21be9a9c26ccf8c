import { readFileSync } from "fs";
import { evaluateWorkbook } from "../src/engine/evaluate";
import { readXlsxBuffer } from "../src/gateway/xlsx/read";
async function main() {
  const id = process.argv[2];
  const snap = await readXlsxBuffer(readFileSync(`tests/fixtures/real/xlsx/${id}.xlsx`));
  const e = evaluateWorkbook(snap);
  const b = e.recognized.budget;
  console.log("tables", JSON.stringify(e.tables));
  if (b) console.log("budget unit", b.unit, "total", JSON.stringify(b.total.cells), "sources", Object.keys(b.sources), "kinds", Object.keys(b.kinds), JSON.stringify(b.extra));
  const ind = e.recognized.indicators;
  if (ind) for (const r of ind.rows) console.log(r.row, r.name.text, "|", r.target.text, "|", r.actual.text, "|", r.weight.value);
  console.log("score", JSON.stringify(e.score?.execution), e.score?.indicators.map((i) => `${i.name}:${i.score}`).join(" "));
  console.log("dept", e.department, "year", e.year);
  for (const f of e.findings) console.log(f.severity, f.rule, f.cells.map((c) => c.address).join(","), f.message["zh-CN"].slice(0, 90));
}
main();
