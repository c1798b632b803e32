import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { MemberRow, NewMemberRow } from "./members.table.ts";

// Named "membership" so they do not clash with account linking's narrower member queries in db/src/index.ts.

export function findLinkedMembership(db: Kysely<Database>, lineUserId: string): Promise<MemberRow | undefined> {
  return db.selectFrom("members").selectAll().where("line_user_id", "=", lineUserId).executeTakeFirst();
}

export function findMembershipByNumber(db: Kysely<Database>, memberNumber: string): Promise<MemberRow | undefined> {
  return db.selectFrom("members").selectAll().where("member_number", "=", memberNumber).executeTakeFirst();
}

export function findMembershipById(db: Kysely<Database>, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom("members").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Inserts the LINE-only membership unless the friend already has one or the number is taken (both
 * UNIQUE): two first opens at once make one membership. Returns whether this call made it.
 */
export async function insertMembershipIfAbsent(db: Kysely<Database>, row: NewMemberRow): Promise<boolean> {
  const result = await db
    .insertInto("members")
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Moves the member to `toRankId` only if it still holds `fromRankId`: of two recomputes racing, one sees
 * the change (and sends the rank-up message), the other changes nothing. Returns the moved member (the
 * row as written), undefined when nothing moved.
 */
export function updateMemberRank(
  db: Kysely<Database>,
  change: { memberId: string; fromRankId: string | null; toRankId: string; at: number },
): Promise<MemberRow | undefined> {
  return db
    .updateTable("members")
    .set({ rank_id: change.toRankId, rank_changed_at: change.at, updated_at: change.at })
    .where("id", "=", change.memberId)
    .where("rank_id", change.fromRankId === null ? "is" : "=", change.fromRankId)
    .returningAll()
    .executeTakeFirst();
}

/** The friend's LINE-only membership that has not been folded into a linked one. */
export function findLineOnlyMembership(db: Kysely<Database>, lineUserId: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom("members")
    .selectAll()
    .where("line_only_user_id", "=", lineUserId)
    .where("merged_into_id", "is", null)
    .executeTakeFirst();
}

/**
 * Both memberships a friend's card chooses between, in one read: the linked one (`line_user_id`) and the
 * LINE-only one not folded into another yet. Each column is UNIQUE, so at most one row answers each side.
 */
export async function findFriendMemberships(
  db: Kysely<Database>,
  lineUserId: string,
): Promise<{ linked: MemberRow | undefined; lineOnly: MemberRow | undefined }> {
  const rows = await db
    .selectFrom("members")
    .selectAll()
    .where((eb) =>
      eb.or([eb("line_user_id", "=", lineUserId), eb.and([eb("line_only_user_id", "=", lineUserId), eb("merged_into_id", "is", null)])]),
    )
    .execute();
  return {
    linked: rows.find((r) => r.line_user_id === lineUserId),
    lineOnly: rows.find((r) => r.line_only_user_id === lineUserId && r.merged_into_id === null),
  };
}

/**
 * Folds a LINE-only membership into the member the friend has since linked: its ledger rows move over and
 * it is marked merged (and loses its owner, so an unlink later starts a fresh one). For one D1 batch; both
 * statements are conditional on the membership not being merged yet, so a repeat changes nothing.
 */
export function mergeLineOnlyMembershipQueries(
  db: Kysely<Database>,
  input: { fromMemberId: string; intoMemberId: string; at: number },
): CompiledQuery[] {
  const notMerged = db.selectFrom("members").select("id").where("id", "=", input.fromMemberId).where("merged_into_id", "is", null);
  return [
    db
      .updateTable("point_ledger")
      .set({ member_id: input.intoMemberId })
      .where("member_id", "=", input.fromMemberId)
      .where(({ exists }) => exists(notMerged))
      .compile(),
    db
      .updateTable("members")
      .set({ merged_into_id: input.intoMemberId, line_only_user_id: null, updated_at: input.at })
      .where("id", "=", input.fromMemberId)
      .where("merged_into_id", "is", null)
      .compile(),
  ];
}

/** Records the accepted code; false when this code was accepted before (a replay). */
export async function insertCardScan(
  db: Kysely<Database>,
  row: { id: string; codeId: string; memberId: string; staffUserId: string; storeId: string | null; at: number; expiresAt: number },
): Promise<boolean> {
  const result = await db
    .insertInto("card_scans")
    .values({
      id: row.id,
      code_id: row.codeId,
      member_id: row.memberId,
      staff_user_id: row.staffUserId,
      store_id: row.storeId,
      created_at: row.at,
      expires_at: row.expiresAt,
    })
    .onConflict((oc) => oc.column("code_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function findCardScan(db: Kysely<Database>, id: string) {
  return db.selectFrom("card_scans").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Accepted codes are refused by their time window long before this; the rows only need to outlive it. */
export async function deleteCardScansBefore(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom("card_scans").where("created_at", "<", before).execute();
}
