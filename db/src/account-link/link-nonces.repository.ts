import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { LinkNonceRow, NewLinkNonceRow, ShopAccountRow } from "./account-link.table.ts";

export function findShopAccountByLoginId(db: Kysely<Database>, loginId: string): Promise<ShopAccountRow | undefined> {
  return db.selectFrom("shop_accounts").selectAll().where("login_id", "=", loginId).executeTakeFirst();
}

export async function insertLinkNonce(db: Kysely<Database>, row: NewLinkNonceRow): Promise<void> {
  await db.insertInto("link_nonces").values(row).execute();
}

export function findLinkNonce(db: Kysely<Database>, nonce: string): Promise<LinkNonceRow | undefined> {
  return db.selectFrom("link_nonces").selectAll().where("nonce", "=", nonce).executeTakeFirst();
}

export interface NonceUse {
  nonce: string;
  userId: string;
  webhookEventId: string;
  at: number;
}

/**
 * Consumes the nonce if it is unused and unexpired: one conditional UPDATE, so of two events carrying the
 * same nonce exactly one gets the member id back.
 */
export async function consumeLinkNonce(db: Kysely<Database>, use: NonceUse): Promise<string | undefined> {
  const row = await db
    .updateTable("link_nonces")
    .set({ used_at: use.at, used_by_user_id: use.userId, used_by_event_id: use.webhookEventId })
    .where("nonce", "=", use.nonce)
    .where("used_at", "is", null)
    .where("expires_at", ">", use.at)
    .returning("member_id")
    .executeTakeFirst();
  return row?.member_id;
}

/** Cron: expired nonces can never be used; used ones are kept a day for support questions. */
export async function deleteStaleLinkNonces(db: Kysely<Database>, expiredBefore: number): Promise<void> {
  await db.deleteFrom("link_nonces").where("expires_at", "<=", expiredBefore).execute();
}
