/**
 * A strict RFC 4180 reader for files people make in Excel or Google Sheets: comma-separated, fields
 * optionally in double quotes ("" is a quote inside them; a quoted field may hold commas and line breaks),
 * records ended by CRLF, LF or CR, a UTF-8 byte-order mark skipped. Each record keeps the file line it
 * starts on, so a problem can be named by the line the person sees in their editor. Malformed quoting is
 * reported, never guessed at. No dependency; runs in Workers, browsers and Node.
 */
import { CSV_BOM } from "./write.ts";

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted line break makes a record span lines). */
  line: number;
  fields: string[];
}

export type CsvParseProblem =
  /** A quoted field never closed: the rest of the file would be one field. */
  | { kind: "unclosed_quote"; line: number }
  /** Text after a closing quote (`"ab"c`), or a quote inside an unquoted field (`ab"c`). */
  | { kind: "stray_quote"; line: number };

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; problem: CsvParseProblem };

export function parseCsv(text: string): CsvParseResult {
  const input = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = input.length;
  // Whether the current record has any content yet (a blank line is no record).
  let started = false;

  const endRecord = () => {
    fields.push(field);
    // Blank lines (a lone empty field) are skipped: editors leave them at the end of files.
    if (!(fields.length === 1 && fields[0] === "" && !started)) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    started = false;
  };

  while (i < n) {
    const ch = input[i];
    if (ch === '"') {
      if (field !== "") return { ok: false, problem: { kind: "stray_quote", line } };
      started = true;
      const openedOn = line;
      i += 1;
      for (;;) {
        if (i >= n) return { ok: false, problem: { kind: "unclosed_quote", line: openedOn } };
        const c = input[i];
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === "\r" || c === "\n") {
          // A line break inside quotes is part of the field, kept as LF; CRLF counts as one line.
          if (c === "\r" && input[i + 1] === "\n") i += 1;
          field += "\n";
          line += 1;
          i += 1;
          continue;
        }
        field += c;
        i += 1;
      }
      const next = input[i];
      if (i < n && next !== "," && next !== "\r" && next !== "\n") return { ok: false, problem: { kind: "stray_quote", line } };
      continue;
    }
    if (ch === ",") {
      started = true;
      fields.push(field);
      field = "";
      i += 1;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && input[i + 1] === "\n") i += 1;
      i += 1;
      endRecord();
      line += 1;
      recordLine = line;
      continue;
    }
    // Plain text runs up to the next delimiter in one step.
    let j = i;
    while (j < n && input[j] !== "," && input[j] !== "\r" && input[j] !== "\n" && input[j] !== '"') j += 1;
    if (j < n && input[j] === '"') return { ok: false, problem: { kind: "stray_quote", line } };
    field += input.slice(i, j);
    started = true;
    i = j;
  }
  if (started || field !== "" || fields.length > 0) endRecord();
  return { ok: true, records };
}
