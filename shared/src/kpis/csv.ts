// The CSV writer lives in shared/src/csv (member export uses it too); the KPI report imports it from here.
export { CSV_BOM, type CsvCell, csvField, toCsv } from "../csv/write.ts";
