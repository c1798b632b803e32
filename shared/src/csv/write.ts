/** CSV as Excel reads it: RFC 4180 quoting, CRLF lines, and a UTF-8 byte-order mark so Japanese shows. */
export const CSV_BOM = "\uFEFF";

export type CsvCell = string | number | null | undefined;

/** One field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is neutralised. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  // Spreadsheet formula injection: text starting like a formula is prefixed with ' (OWASP's advice).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], { bom = true }: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvField).join(",")).join("\r\n");
  return `${bom ? CSV_BOM : ""}${body}\r\n`;
}
