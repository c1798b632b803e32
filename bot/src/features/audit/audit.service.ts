import type { AuditLogRow } from "@enishi/db";
import { auditLogInsertIfQuery, auditLogInsertQuery, findAuditLog, insertAuditLog } from "@enishi/db";
import type { CompiledQuery, Expression } from "kysely";
import type { Deps } from "../../deps.ts";

/**
 * One staff action for the audit trail (staff, store, what, when). Every feature where staff act on a
 * customer records through here: the scanner, point awards and adjustments, coupon redemption, rank and
 * point-rule changes.
 */
export interface AuditEntry {
  /** LINE user id of the staff member or admin, from the verified ID token (`c.var.user.userId`). */
  staffUserId: string;
  /** The store the action happened at; null for back-office actions. */
  storeId: string | null;
  /** Dotted action name: `points.award`, `coupon.redeem`, `card.scan`, `points.adjust`… */
  action: string;
  targetUserId?: string | null;
  /** What was acted on: ledger entry id, coupon grant id, rank id… */
  subjectRef?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to now. */
  at?: number;
}

function toRow(entry: AuditEntry) {
  return {
    staff_user_id: entry.staffUserId,
    store_id: entry.storeId,
    action: entry.action,
    target_user_id: entry.targetUserId ?? null,
    subject_ref: entry.subjectRef ?? null,
    details: JSON.stringify(entry.details ?? {}),
    created_at: entry.at ?? Date.now(),
  };
}

/** Records the action on its own. Call it after the action succeeded (refusals are not actions). */
export async function recordAudit(deps: Deps, entry: AuditEntry): Promise<void> {
  await insertAuditLog(deps.db, toRow(entry));
}

/**
 * The audit insert as a compiled query, for callers that write the action itself in a D1 batch
 * (`env.DB.batch`): the action and its audit row then land together or not at all.
 */
export function auditQuery(deps: Deps, entry: AuditEntry): CompiledQuery {
  return auditLogInsertQuery(deps.db, toRow(entry));
}

/** As `auditQuery`, but inserted only if `when` (an EXISTS subquery) finds a row when the batch runs. */
export function auditQueryIf(deps: Deps, entry: AuditEntry, when: Expression<unknown>): CompiledQuery {
  return auditLogInsertIfQuery(deps.db, toRow(entry), when);
}

export interface AuditView {
  id: number;
  staffUserId: string;
  storeId: string | null;
  action: string;
  targetUserId: string | null;
  subjectRef: string | null;
  details: Record<string, unknown>;
  at: number;
}

function toView(row: AuditLogRow): AuditView {
  let details: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.details);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) details = parsed as Record<string, unknown>;
  } catch {
    // A malformed details column still shows the rest of the row.
  }
  return {
    id: row.id,
    staffUserId: row.staff_user_id,
    storeId: row.store_id,
    action: row.action,
    targetUserId: row.target_user_id,
    subjectRef: row.subject_ref,
    details,
    at: row.created_at,
  };
}

export async function listAudit(
  deps: Deps,
  filter: { targetUserId?: string; staffUserId?: string; storeId?: string; actionPrefix?: string; beforeId?: number; limit?: number },
): Promise<AuditView[]> {
  const rows = await findAuditLog(deps.db, { ...filter, limit: Math.min(filter.limit ?? 50, 200) });
  return rows.map(toView);
}
