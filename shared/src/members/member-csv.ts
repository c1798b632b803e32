/**
 * The members CSV (decision 024): the columns an import reads, the ones an export adds, and the checks a
 * row must pass. Pure: the Worker runs it for a dry run and for the real import alike, so what the preview
 * promised is what the import does.
 */
import { normalizeBirthday, normalizeDigits } from "../account-link/account-link.schema.ts";
import { type CsvRecord, parseCsv } from "../csv/parse.ts";

/** What an import reads. member_number and name are required in the header; a missing optional column is left as it is. */
export const MEMBER_IMPORT_COLUMNS = ["member_number", "name", "name_kana", "birthday", "phone_last4", "store_id"] as const;
export type MemberImportColumn = (typeof MEMBER_IMPORT_COLUMNS)[number];
export type MemberOptionalColumn = Exclude<MemberImportColumn, "member_number" | "name">;
export const MEMBER_OPTIONAL_COLUMNS: readonly MemberOptionalColumn[] = ["name_kana", "birthday", "phone_last4", "store_id"];

/**
 * What an export writes: the import's columns (without birthday and phone, which stay in the database)
 * and what only Enishi knows. An exported file can be edited and imported again: these extra columns are
 * read-only and ignored by the import.
 */
export const MEMBER_EXPORT_COLUMNS = [
  "member_number",
  "name",
  "name_kana",
  "store_id",
  "store_name",
  "rank",
  "points",
  "linked",
  "line_user_id",
  "origin",
  "created_at",
] as const;
const READ_ONLY_COLUMNS = new Set<string>(MEMBER_EXPORT_COLUMNS.filter((c) => !(MEMBER_IMPORT_COLUMNS as readonly string[]).includes(c)));

/** At most this many data rows, and this many bytes, per import (one D1 batch; a request's memory). */
export const MEMBER_IMPORT_MAX_ROWS = 5000;
export const MEMBER_IMPORT_MAX_BYTES = 1_000_000;

export interface MemberImportRow {
  line: number;
  memberNumber: string;
  name: string;
  nameKana: string | null;
  birthday: string | null;
  phoneLast4: string | null;
  storeId: string | null;
}

export interface MemberImportProblem {
  /** The file line the row starts on (the header is line 1). */
  line: number;
  /** As written in the file, when there is one. */
  memberNumber: string | null;
  column: MemberImportColumn | null;
  /** Japanese first, then English. */
  message: string;
}

export type MemberCsvRead =
  | {
      ok: true;
      columns: MemberImportColumn[];
      rows: MemberImportRow[];
      problems: MemberImportProblem[];
      /** Data rows in the file (the header not counted). */
      total: number;
      /** Rows of an exported file that are LINE-only cards (origin "line"): not the shop's records, left alone. */
      skipped: number;
    }
  /** The file as a whole cannot be read (quoting, header, size): nothing row by row to say. */
  | { ok: false; message: string; line?: number };

const MAX_TEXT = 100;

/**
 * A cell as text. The export neutralises formula-like text with a leading ' (shared/src/csv/write.ts); on
 * the way back that ' is taken off again, so an exported file imports unchanged.
 */
function cellText(value: string): string {
  const text = value.trim();
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function isRealPastDate(iso: string, today: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && iso <= today;
}

function readHeader(record: CsvRecord): { columns: (MemberImportColumn | null)[]; originAt: number } | { message: string } {
  const names = record.fields.map((f) => cellText(f).toLowerCase());
  const unknown = names.filter((n) => n !== "" && !(MEMBER_IMPORT_COLUMNS as readonly string[]).includes(n) && !READ_ONLY_COLUMNS.has(n));
  if (!names.includes("member_number") || !names.includes("name")) {
    return {
      message:
        `1行目に見出し（member_number, name など）が必要です / The first line must be the header (member_number, name, …). ` +
        `列 / columns: ${MEMBER_IMPORT_COLUMNS.join(", ")}`,
    };
  }
  if (unknown.length > 0) {
    return { message: `知らない列があります / Unknown columns: ${unknown.join(", ")} (${MEMBER_IMPORT_COLUMNS.join(", ")})` };
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (n !== "" && seen.has(n)) return { message: `列「${n}」が2回あります / Column "${n}" appears twice` };
    seen.add(n);
  }
  return {
    columns: names.map((n) => ((MEMBER_IMPORT_COLUMNS as readonly string[]).includes(n) ? (n as MemberImportColumn) : null)),
    originAt: names.indexOf("origin"),
  };
}

/**
 * Reads a members CSV: the header, then every row checked on its own (member number, name, kana, birthday,
 * phone's last 4, a store that exists) and against the rows before it (a member number twice). Every bad
 * row is reported with its line; good rows are returned normalised (full-width digits, 1998/7/21 dates).
 */
export function readMemberCsv(text: string, options: { storeIds: ReadonlySet<string>; today: string }): MemberCsvRead {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    const { kind, line } = parsed.problem;
    return {
      ok: false,
      line,
      message:
        kind === "unclosed_quote"
          ? `${line}行目の " が閉じられていません / Line ${line}: a quoted field is never closed`
          : `${line}行目の " の位置が正しくありません / Line ${line}: a quote (") in the wrong place`,
    };
  }
  const [head, ...data] = parsed.records;
  if (!head) return { ok: false, message: "ファイルが空です / The file is empty" };
  const header = readHeader(head);
  if ("message" in header) return { ok: false, line: head.line, message: header.message };
  if (data.length > MEMBER_IMPORT_MAX_ROWS) {
    return {
      ok: false,
      message: `行が多すぎます（${data.length}行、上限 ${MEMBER_IMPORT_MAX_ROWS}行）。分けて取り込んでください / Too many rows (${data.length}; at most ${MEMBER_IMPORT_MAX_ROWS}): split the file`,
    };
  }
  const columns = header.columns.filter((c): c is MemberImportColumn => c !== null);
  const rows: MemberImportRow[] = [];
  const problems: MemberImportProblem[] = [];
  const firstLineOf = new Map<string, number>();

  let skipped = 0;
  for (const record of data) {
    // An exported file lists LINE-only cards too; they are Enishi's, not the shop's records, so an edited
    // export imports without them.
    if (header.originAt >= 0 && cellText(record.fields[header.originAt] ?? "") === "line") {
      skipped += 1;
      continue;
    }
    const cells = new Map<MemberImportColumn, string>();
    header.columns.forEach((column, i) => {
      if (column) cells.set(column, cellText(record.fields[i] ?? ""));
    });
    const rawNumber = cells.get("member_number") ?? "";
    const problem = (column: MemberImportColumn | null, message: string) =>
      problems.push({ line: record.line, memberNumber: rawNumber || null, column, message });
    if (record.fields.length !== header.columns.length) {
      problem(
        null,
        `列の数が見出しと違います（${record.fields.length}列、見出しは${header.columns.length}列）/ ${record.fields.length} fields, the header has ${header.columns.length}`,
      );
      continue;
    }
    let bad = false;
    const fail = (column: MemberImportColumn, message: string) => {
      problem(column, message);
      bad = true;
    };

    const memberNumber = normalizeDigits(rawNumber);
    if (memberNumber === "") fail("member_number", "会員番号がありません / member_number is empty");
    else if (!/^[0-9A-Za-z]{1,20}$/.test(memberNumber)) {
      fail("member_number", "会員番号は半角英数字20文字までです / member_number: up to 20 letters and digits");
    } else {
      const first = firstLineOf.get(memberNumber);
      if (first !== undefined) fail("member_number", `会員番号が${first}行目と重複しています / Same member_number as line ${first}`);
      else firstLineOf.set(memberNumber, record.line);
    }

    const name = cells.get("name") ?? "";
    if (name === "") fail("name", "氏名がありません / name is empty");
    else if (name.length > MAX_TEXT) fail("name", `氏名は${MAX_TEXT}文字までです / name: at most ${MAX_TEXT} characters`);

    const nameKana = cells.get("name_kana") ?? "";
    if (nameKana.length > MAX_TEXT) fail("name_kana", `フリガナは${MAX_TEXT}文字までです / name_kana: at most ${MAX_TEXT} characters`);

    const rawBirthday = cells.get("birthday") ?? "";
    const birthday = rawBirthday === "" ? null : normalizeBirthday(rawBirthday);
    if (birthday !== null && !isRealPastDate(birthday, options.today)) {
      fail(
        "birthday",
        `生年月日「${rawBirthday}」は YYYY-MM-DD の実在する日付にしてください / birthday "${rawBirthday}": a real date as YYYY-MM-DD`,
      );
    }

    const rawPhone = cells.get("phone_last4") ?? "";
    const phoneLast4 = rawPhone === "" ? null : normalizeDigits(rawPhone);
    if (phoneLast4 !== null && !/^\d{4}$/.test(phoneLast4)) {
      fail(
        "phone_last4",
        `電話番号下4桁「${rawPhone}」は数字4つにしてください（Excel は先頭の 0 を消すことがあります） / phone_last4 "${rawPhone}": exactly 4 digits (Excel may drop a leading 0)`,
      );
    }

    const storeId = cells.get("store_id") || null;
    if (storeId !== null && !options.storeIds.has(storeId)) {
      fail("store_id", `店舗ID「${storeId}」はありません / No store with store_id "${storeId}"`);
    }

    if (!bad) rows.push({ line: record.line, memberNumber, name, nameKana: nameKana || null, birthday, phoneLast4, storeId });
  }
  return { ok: true, columns, rows, problems, skipped, total: data.length };
}
