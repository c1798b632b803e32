import { type CompiledQuery, type Kysely, sql } from "kysely";
import type { Database } from "../database.ts";
import type { LedgerRow, NewLedgerRow } from "./points.table.ts";

export interface PointTotals {
  balance: number;
  /** Credits and debits so far: what expiry and "expiring soon" are computed from. */
  debits: number;
  /** Points earned (grants and adjustments) since the rank window's start. */
  earned: number;
}

export async function findPointTotals(db: Kysely<Database>, memberId: string, earnedSince: number): Promise<PointTotals> {
  const row = await db
    .selectFrom("point_ledger")
    .select([
      sql<number>`coalesce(sum(points), 0)`.as("balance"),
      sql<number>`coalesce(sum(case when points < 0 then -points else 0 end), 0)`.as("debits"),
      sql<number>`coalesce(sum(case when kind in ('grant', 'adjust') and created_at >= ${earnedSince} then points else 0 end), 0)`.as(
        "earned",
      ),
    ])
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return { balance: Number(row?.balance ?? 0), debits: Number(row?.debits ?? 0), earned: Number(row?.earned ?? 0) };
}

/** Credits expiring by `until`, oldest expiry first (few rows: those in the notice window). */
export function findCreditsExpiringBy(db: Kysely<Database>, memberId: string, until: number) {
  return db
    .selectFrom("point_ledger")
    .select(["id", "points", "expires_at"])
    .where("member_id", "=", memberId)
    .where("points", ">", 0)
    .where("expires_at", "<=", until)
    .orderBy("expires_at")
    .orderBy("id")
    .execute();
}

export function findLedger(db: Kysely<Database>, memberId: string, limit: number): Promise<LedgerRow[]> {
  return db.selectFrom("point_ledger").selectAll().where("member_id", "=", memberId).orderBy("id", "desc").limit(limit).execute();
}

export interface PurchaseRow {
  purchase_amount: number;
  points: number;
  store_id: string | null;
  store_name: string | null;
  created_at: number;
  /** a refund entry (`<key>:refund`, decision 024) took this purchase back */
  refunded: number;
}

/** A member's latest purchases (the ledger's rows with an amount), newest first, each with its refund state. */
export async function findRecentPurchases(db: Kysely<Database>, memberId: string, limit: number): Promise<PurchaseRow[]> {
  const rows = await db
    .selectFrom("point_ledger as pl")
    .leftJoin("stores as s", "s.id", "pl.store_id")
    .select((eb) => [
      "pl.purchase_amount",
      "pl.points",
      "pl.store_id",
      "s.name as store_name",
      "pl.created_at",
      eb
        .exists(
          eb
            .selectFrom("point_ledger as rf")
            .select("rf.id")
            .whereRef("rf.idempotency_key", "=", sql<string>`pl.idempotency_key || ':refund'`),
        )
        .as("refunded"),
    ])
    .where("pl.member_id", "=", memberId)
    .where("pl.purchase_amount", "is not", null)
    .orderBy("pl.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, purchase_amount: Number(r.purchase_amount), refunded: Number(r.refunded) }));
}

export function findLedgerByKey(db: Kysely<Database>, idempotencyKey: string): Promise<LedgerRow | undefined> {
  return db.selectFrom("point_ledger").selectAll().where("idempotency_key", "=", idempotencyKey).executeTakeFirst();
}

/** A credit: inserted once per idempotency key; a repeat inserts nothing. */
export function insertCreditQuery(db: Kysely<Database>, row: NewLedgerRow): CompiledQuery {
  return db
    .insertInto("point_ledger")
    .values(row)
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .compile();
}

/**
 * A debit (use, negative adjust), in one statement that inserts only while the balance covers it: no
 * read-then-write, so two debits racing cannot overdraw. Nothing is inserted on a repeated key either;
 * the caller tells the two apart by looking the key up.
 */
export function insertDebitQuery(db: Kysely<Database>, row: NewLedgerRow & { points: number }): CompiledQuery {
  const needed = -row.points;
  return db
    .insertInto("point_ledger")
    .columns([
      "member_id",
      "kind",
      "points",
      "source",
      "source_ref",
      "reason",
      "purchase_amount",
      "store_id",
      "staff_user_id",
      "idempotency_key",
      "expires_at",
      "expiry_state",
      "created_at",
    ])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.val(row.member_id).as("member_id"),
          eb.val(row.kind).as("kind"),
          eb.val(row.points).as("points"),
          eb.val(row.source).as("source"),
          eb.val(row.source_ref ?? null).as("source_ref"),
          eb.val(row.reason ?? null).as("reason"),
          eb.val(row.purchase_amount ?? null).as("purchase_amount"),
          eb.val(row.store_id ?? null).as("store_id"),
          eb.val(row.staff_user_id ?? null).as("staff_user_id"),
          eb.val(row.idempotency_key).as("idempotency_key"),
          eb.val(null).as("expires_at"),
          eb.val(null).as("expiry_state"),
          eb.val(row.created_at).as("created_at"),
        ])
        .where(sql<number>`(select coalesce(sum(points), 0) from point_ledger where member_id = ${row.member_id})`, ">=", needed),
    )
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .compile();
}

/**
 * Expires what is due for one member at `now`, in one statement. Points are spent oldest-expiry first, so
 * the unspent part of the credits expired by now is (credits expiring ≤ now) − (all debits so far, earlier
 * expiries included), when positive. Re-running it finds 0 due and inserts nothing.
 */
export function insertExpiryQuery(db: Kysely<Database>, input: { memberId: string; now: number; key: string }): CompiledQuery {
  const { memberId, now, key } = input;
  return sql`
    insert into point_ledger (member_id, kind, points, source, reason, idempotency_key, created_at)
    select ${memberId}, 'expire', -due, 'expiry', 'ポイント有効期限 / points expired', ${key}, ${now}
    from (
      select
        (select coalesce(sum(points), 0) from point_ledger where member_id = ${memberId} and points > 0 and expires_at <= ${now})
        - (select coalesce(-sum(points), 0) from point_ledger where member_id = ${memberId} and points < 0) as due
    )
    where due > 0
    on conflict (idempotency_key) do nothing`.compile(db);
}

/** Marks a member's credits expiring by `until` as moved on (`noticed`, or `done` once expired). */
export function updateExpiryStateQuery(
  db: Kysely<Database>,
  input: { memberId: string; until: number; from: readonly ("pending" | "noticed")[]; to: "noticed" | "done" },
): CompiledQuery {
  return db
    .updateTable("point_ledger")
    .set({ expiry_state: input.to })
    .where("member_id", "=", input.memberId)
    .where("expiry_state", "in", [...input.from])
    .where("expires_at", "<=", input.until)
    .compile();
}

/** Members with credits in `states` expiring by `until`: the cron's work list (indexed). */
export async function findMembersWithCreditsDue(
  db: Kysely<Database>,
  input: { states: readonly ("pending" | "noticed")[]; until: number; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom("point_ledger")
    .select("member_id")
    .distinct()
    .where("expiry_state", "in", [...input.states])
    .where("expires_at", "<=", input.until)
    .limit(input.limit)
    .execute();
  return rows.map((r) => r.member_id);
}
