/** Writing the report into the user's own .xlsx package: see add-report.ts. */
export {
  addReportToPackage,
  ownedSheetsInPackage,
  type AddReportOptions,
  type AddReportResult,
} from "./add-report";
export { PackageWriteError } from "./workbook-part";
