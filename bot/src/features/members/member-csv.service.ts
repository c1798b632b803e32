import type { MemberImportTarget, MemberUpsertColumn, MemberUpsertRow } from "@enishi/db";
import { findMemberExportPage, findMembersByNumbers, findRanks, findStores, upsertImportedMembersQuery } from "@enishi/db";
import { toCsv } from "@enishi/shared/csv/write";
import { jstDayOf } from "@enishi/shared/kpis/days";
import {
  MEMBER_EXPORT_COLUMNS,
  MEMBER_OPTIONAL_COLUMNS,
  type MemberImportColumn,
  type MemberImportProblem,
  type MemberImportRow,
  readMemberCsv,
} from "@enishi/shared/members/member-csv";
import { runBatchChanges } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { AppError, badRequest } from "../../errors.ts";
import { auditQuery, recordAudit } from "../audit/audit.service.ts";
import { startReconcile } from "../rich-menus/reconcile.service.ts";

/** Members per D1 read while exporting, and per upsert statement while importing. */
export const EXPORT_PAGE = 500;
export const UPSERT_CHUNK = 500;

/**
 * The members CSV (decision 024), streamed a page at a time in member-number order so a shop with many
 * members is never held in memory at once. UTF-8 with a BOM and CRLF lines (Excel), RFC 4180 quoting.
 */
export async function exportMembersCsv(deps: Deps, adminId: string): Promise<ReadableStream<Uint8Array>> {
  const ranks = await findRanks(deps.db);
  // A member whose rank was never computed (imported, not seen since) holds the first rank.
  const baseRank = [...ranks].sort((a, b) => a.min_points - b.min_points)[0]?.name ?? "";
  await recordAudit(deps, { staffUserId: adminId, storeId: null, action: "members.export", details: { format: "csv" } });
  const encoder = new TextEncoder();
  let after = "";
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page = await findMemberExportPage(deps.db, after, EXPORT_PAGE);
      const rows = page.map((m) => [
        m.member_number,
        m.name,
        m.name_kana,
        m.store_id,
        m.store_name,
        m.rank_name ?? baseRank,
        m.points,
        m.line_user_id ? "yes" : "no",
        m.line_user_id ?? m.line_only_user_id,
        m.origin,
        jstDayOf(m.created_at),
      ]);
      // The first chunk opens with the BOM and the header; a last, empty page adds nothing.
      if (first) controller.enqueue(encoder.encode(toCsv([[...MEMBER_EXPORT_COLUMNS], ...rows])));
      else if (rows.length > 0) controller.enqueue(encoder.encode(toCsv(rows, { bom: false })));
      first = false;
      const last = page.at(-1);
      if (!last || page.length < EXPORT_PAGE) controller.close();
      else after = last.member_number;
    },
  });
}

export interface MemberImportSummary {
  dryRun: boolean;
  /** Whether this call wrote the members (never on a dry run, never with a bad row). */
  imported: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** LINE-only cards listed in an exported file: left alone. */
  skipped: number;
  /** The optional columns the file has (others are left as they are on existing members). */
  columns: MemberImportColumn[];
  problems: MemberImportProblem[];
}

const COLUMN_FIELDS = {
  name_kana: "nameKana",
  birthday: "birthday",
  phone_last4: "phoneLast4",
  store_id: "storeId",
} as const satisfies Record<MemberUpsertColumn, keyof MemberImportRow>;

function differs(row: MemberImportRow, existing: MemberImportTarget, columns: readonly MemberUpsertColumn[]): boolean {
  return row.name !== existing.name || columns.some((c) => row[COLUMN_FIELDS[c]] !== existing[c]);
}

/** Bytes as UTF-8 text; Shift_JIS or other encodings are refused with how to save the file instead. */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badRequest(
      "ファイルが UTF-8 ではありません。Excel では「CSV UTF-8（コンマ区切り）」で保存してください / The file is not UTF-8: in Excel, save as “CSV UTF-8 (Comma delimited)”",
      { reason: "not_utf8" },
    );
  }
}

/**
 * Reads a members CSV and says what importing it does: members created (new numbers), updated (by member
 * number: name and the optional columns the file has — never the LINE link, origin, rank or points),
 * unchanged, and every bad row with its line and reason. A dry run stops there. A real import writes only
 * when no row is bad, in one D1 batch (upserts of ≤ 500 rows each + the audit entry): all or nothing.
 */
export async function importMembersCsv(
  deps: Deps,
  input: { text: string; dryRun: boolean; adminId: string },
): Promise<MemberImportSummary> {
  const stores = await findStores(deps.db);
  const now = Date.now();
  const read = readMemberCsv(input.text, { storeIds: new Set(stores.map((s) => s.id)), today: jstDayOf(now) });
  if (!read.ok) throw badRequest(read.message, { reason: "unreadable_file", line: read.line ?? null });

  const columns = MEMBER_OPTIONAL_COLUMNS.filter((c) => read.columns.includes(c));
  const existing = new Map(
    (
      await findMembersByNumbers(
        deps.db,
        read.rows.map((r) => r.memberNumber),
      )
    ).map((m) => [m.member_number, m]),
  );
  const problems = [...read.problems];
  const creates: MemberUpsertRow[] = [];
  const updates: MemberUpsertRow[] = [];
  let unchanged = 0;
  let storeMoves = 0;
  for (const row of read.rows) {
    const found = existing.get(row.memberNumber);
    const upsert = { ...row, id: found?.id ?? `mem-${crypto.randomUUID()}` };
    if (!found) creates.push(upsert);
    else if (found.origin !== "import") {
      problems.push({
        line: row.line,
        memberNumber: row.memberNumber,
        column: "member_number",
        message: `会員番号 ${row.memberNumber} は LINE だけの会員証の番号です / ${row.memberNumber} is a LINE-only card's number`,
      });
    } else if (differs(row, found, columns)) {
      updates.push(upsert);
      if (found.line_user_id !== null && columns.includes("store_id") && row.storeId !== found.store_id) storeMoves += 1;
    } else unchanged += 1;
  }
  problems.sort((a, b) => a.line - b.line);
  const summary: MemberImportSummary = {
    dryRun: input.dryRun,
    imported: false,
    rows: read.total,
    created: creates.length,
    updated: updates.length,
    unchanged,
    skipped: read.skipped,
    columns: read.columns,
    problems,
  };
  if (input.dryRun) return summary;
  if (problems.length > 0) {
    throw new AppError(
      400,
      "validation_failed",
      `${problems.length}行に問題があるため、何も取り込んでいません / ${problems.length} rows have problems: nothing was imported`,
      { reason: "bad_rows", summary },
    );
  }
  const writes = [...creates, ...updates];
  const queries = [];
  for (let i = 0; i < writes.length; i += UPSERT_CHUNK) {
    queries.push(upsertImportedMembersQuery(deps.db, writes.slice(i, i + UPSERT_CHUNK), columns, now));
  }
  queries.push(
    auditQuery(deps, {
      staffUserId: input.adminId,
      storeId: null,
      action: "members.import",
      details: {
        rows: summary.rows,
        created: creates.length,
        updated: updates.length,
        unchanged,
        skipped: read.skipped,
        columns: read.columns,
      },
      at: now,
    }),
  );
  // One batch: every upsert and the audit entry land together or not at all.
  await runBatchChanges(deps, queries);
  // A linked friend's store is one of the things their rich menu is chosen by: re-apply the policy.
  if (storeMoves > 0) await startReconcile(deps, "members import: stores changed");
  return { ...summary, imported: true };
}
