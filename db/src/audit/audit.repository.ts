import type { CompiledQuery, Expression, Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { AuditLogRow, NewAuditLogRow } from "./audit.table.ts";

export async function insertAuditLog(db: Kysely<Database>, row: NewAuditLogRow): Promise<void> {
  await db.insertInto("audit_log").values(row).execute();
}

/** The same insert, compiled, so a caller can put it in one D1 batch with the action it records. */
export function auditLogInsertQuery(db: Kysely<Database>, row: NewAuditLogRow): CompiledQuery {
  return db.insertInto("audit_log").values(row).compile();
}

/**
 * The insert, made only if `when` (an EXISTS subquery) finds a row: for a batch whose action may turn out to
 * be a repeat (an idempotency key seen before), so the repeat is not audited twice.
 */
export function auditLogInsertIfQuery(db: Kysely<Database>, row: NewAuditLogRow, when: Expression<unknown>): CompiledQuery {
  return db
    .insertInto("audit_log")
    .columns(["staff_user_id", "store_id", "action", "target_user_id", "subject_ref", "details", "created_at"])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.val(row.staff_user_id).as("staff_user_id"),
          eb.val(row.store_id ?? null).as("store_id"),
          eb.val(row.action).as("action"),
          eb.val(row.target_user_id ?? null).as("target_user_id"),
          eb.val(row.subject_ref ?? null).as("subject_ref"),
          eb.val(row.details ?? "{}").as("details"),
          eb.val(row.created_at).as("created_at"),
        ])
        .where(({ exists }) => exists(when)),
    )
    .compile();
}

export interface AuditLogFilter {
  targetUserId?: string;
  staffUserId?: string;
  storeId?: string;
  actionPrefix?: string;
  /** Rows with id below this (paging backwards). */
  beforeId?: number;
  limit: number;
}

export function findAuditLog(db: Kysely<Database>, filter: AuditLogFilter): Promise<AuditLogRow[]> {
  let q = db.selectFrom("audit_log").selectAll();
  if (filter.targetUserId) q = q.where("target_user_id", "=", filter.targetUserId);
  if (filter.staffUserId) q = q.where("staff_user_id", "=", filter.staffUserId);
  if (filter.storeId) q = q.where("store_id", "=", filter.storeId);
  if (filter.actionPrefix) q = q.where("action", "like", `${filter.actionPrefix}%`);
  if (filter.beforeId !== undefined) q = q.where("id", "<", filter.beforeId);
  return q.orderBy("id", "desc").limit(filter.limit).execute();
}
