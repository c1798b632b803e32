import { type CompiledQuery, type Kysely, sql } from "kysely";
import type { Database } from "../database.ts";

/** One exported member: the membership with its store, rank and balance (decision 024). */
export interface MemberExportRow {
  id: string;
  member_number: string;
  name: string;
  name_kana: string | null;
  store_id: string | null;
  store_name: string | null;
  rank_name: string | null;
  points: number;
  line_user_id: string | null;
  line_only_user_id: string | null;
  origin: "import" | "line";
  created_at: number;
}

/**
 * A page of the export in member-number order (the UNIQUE index), after `afterNumber`. Memberships folded
 * into another are left out: their points and owner moved. The balance is the SUM of the member's ledger
 * rows (point_ledger_member_idx), one probe per member of the page.
 */
export async function findMemberExportPage(db: Kysely<Database>, afterNumber: string, limit: number): Promise<MemberExportRow[]> {
  const rows = await db
    .selectFrom("members as m")
    .leftJoin("stores as s", "s.id", "m.store_id")
    .leftJoin("ranks as r", "r.id", "m.rank_id")
    .select([
      "m.id",
      "m.member_number",
      "m.name",
      "m.name_kana",
      "m.store_id",
      "s.name as store_name",
      "r.name as rank_name",
      sql<number>`(select coalesce(sum(l.points), 0) from point_ledger l where l.member_id = m.id)`.as("points"),
      "m.line_user_id",
      "m.line_only_user_id",
      "m.origin",
      "m.created_at",
    ])
    .where("m.member_number", ">", afterNumber)
    .where("m.merged_into_id", "is", null)
    .orderBy("m.member_number")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, points: Number(r.points) }));
}

export interface MemberImportTarget {
  id: string;
  member_number: string;
  name: string;
  name_kana: string | null;
  birthday: string | null;
  phone_last4: string | null;
  store_id: string | null;
  origin: "import" | "line";
  line_user_id: string | null;
}

/** The members with these numbers, in one statement (the numbers travel as one JSON parameter). */
export function findMembersByNumbers(db: Kysely<Database>, numbers: readonly string[]): Promise<MemberImportTarget[]> {
  if (numbers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("members")
    .select(["id", "member_number", "name", "name_kana", "birthday", "phone_last4", "store_id", "origin", "line_user_id"])
    .where("member_number", "in", sql<string>`(select value from json_each(${JSON.stringify(numbers)}))`)
    .execute();
}

export interface MemberUpsertRow {
  id: string;
  memberNumber: string;
  name: string;
  nameKana: string | null;
  birthday: string | null;
  phoneLast4: string | null;
  storeId: string | null;
}

export type MemberUpsertColumn = "name_kana" | "birthday" | "phone_last4" | "store_id";

/**
 * Creates or updates imported members by member number, many rows in one statement (they travel as one
 * JSON parameter: D1 binds at most 100 values per statement). An existing member gets the file's name and
 * the optional `columns` the file has; its id, LINE link, origin, rank and points are never touched. A
 * number held by a LINE-only membership is left alone (the service refuses those rows before; the WHERE
 * keeps a race from turning one into an imported record).
 */
export function upsertImportedMembersQuery(
  db: Kysely<Database>,
  rows: readonly MemberUpsertRow[],
  columns: readonly MemberUpsertColumn[],
  at: number,
): CompiledQuery {
  const json = JSON.stringify(rows.map((r) => [r.id, r.memberNumber, r.name, r.nameKana, r.birthday, r.phoneLast4, r.storeId]));
  const allowed = new Set<MemberUpsertColumn>(["name_kana", "birthday", "phone_last4", "store_id"]);
  if (!columns.every((c) => allowed.has(c))) throw new Error("upsertImportedMembersQuery: unknown column");
  const updates = ["name = excluded.name", ...columns.map((c) => `${c} = excluded.${c}`), "updated_at = excluded.updated_at"].join(", ");
  return sql`
    insert into members (id, member_number, name, name_kana, birthday, phone_last4, store_id, line_user_id, origin, created_at, updated_at)
    select
      json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
      json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), null, 'import', ${at}, ${at}
    from json_each(${json}) where true
    on conflict (member_number) do update set ${sql.raw(updates)}
    where members.origin = 'import'`.compile(db);
}
