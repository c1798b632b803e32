import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { FaqAlternateRow, FaqAlternateStatus, NewFaqAlternateRow } from "./faq.table.ts";

/**
 * A suggested phrasing, once per entry and normalised phrasing: a second customer confirming the same
 * question adds nothing. Returns whether it was new.
 */
export async function insertFaqAlternate(db: Kysely<Database>, row: NewFaqAlternateRow): Promise<boolean> {
  const result = await db.insertInto("faq_alternates").values(row).orIgnore().executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function findFaqAlternates(
  db: Kysely<Database>,
  filter: { status?: FaqAlternateStatus; limit: number },
): Promise<FaqAlternateRow[]> {
  let query = db.selectFrom("faq_alternates").selectAll();
  if (filter.status) query = query.where("status", "=", filter.status);
  return query.orderBy("id", "desc").limit(filter.limit).execute();
}

/** Approved phrasings of enabled entries: what the matcher learns from. */
export function findApprovedAlternates(db: Kysely<Database>): Promise<Array<{ entry_id: string; question: string }>> {
  return db.selectFrom("faq_alternates").select(["entry_id", "question"]).where("status", "=", "approved").orderBy("id").execute();
}

export function findFaqAlternate(db: Kysely<Database>, id: number): Promise<FaqAlternateRow | undefined> {
  return db.selectFrom("faq_alternates").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Review decision; only a pending (or re-reviewed) row changes, in the same batch as the version bump. */
export function reviewFaqAlternateQuery(
  db: Kysely<Database>,
  id: number,
  review: { status: Exclude<FaqAlternateStatus, "pending">; reviewedBy: string; at: number },
): CompiledQuery {
  return db
    .updateTable("faq_alternates")
    .set({ status: review.status, reviewed_by: review.reviewedBy, reviewed_at: review.at })
    .where("id", "=", id)
    .compile();
}

export function deleteFaqAlternateQuery(db: Kysely<Database>, id: number): CompiledQuery {
  return db.deleteFrom("faq_alternates").where("id", "=", id).compile();
}
