"use strict";
/**
 * The floor `selfeval check` is measured against: load the workbook with exceljs the ordinary way and touch every
 * cell's value — the least any exceljs-based checker has to do. Prints the number of cells with a value.
 *
 *   node bench/floor.js <workbook.xlsx>
 */
const ExcelJS = require("exceljs");

async function main(path) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  let cells = 0;
  let numbers = 0;
  workbook.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (value === null || value === undefined) return;
        cells += 1;
        if (typeof value === "number") numbers += value;
      }),
    ),
  );
  // The sum is printed so no engine could skip reading the values.
  process.stdout.write(JSON.stringify({ cells, numbers }) + "\n");
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exitCode = 1;
});
