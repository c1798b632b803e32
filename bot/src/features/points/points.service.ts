import type { LedgerKind, LedgerRow, LedgerSource } from "@enishi/db";
import { findLedgerByKey, findPointSettings, insertCreditQuery, insertDebitQuery } from "@enishi/db";
import { sql } from "kysely";
import { runBatchChanges } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { AppError, conflict } from "../../errors.ts";
import type { AuditEntry } from "../audit/audit.service.ts";
import { auditQueryIf } from "../audit/audit.service.ts";
import { ensureMembership } from "../members/members.service.ts";
import { recomputeRank } from "../ranks/ranks.service.ts";
import { addMonths } from "./purchase-points.ts";

/**
 * Writing the points ledger. Every entry carries an idempotency key (UNIQUE): a retried request, a double
 * tap or a re-run job inserts nothing and gets the first entry back. Balances are never stored; a debit is
 * one conditional INSERT that only happens while the balance covers it. An entry that changes what a
 * member earned triggers a rank recompute (and a rank-up message when it went up).
 */
export interface LedgerRequest {
  memberId: string;
  /** Signed: credits positive, debits negative. */
  points: number;
  kind: Exclude<LedgerKind, "expire">;
  source: LedgerSource;
  idempotencyKey: string;
  sourceRef?: string | null;
  reason?: string | null;
  purchaseAmount?: number | null;
  storeId?: string | null;
  staffUserId?: string | null;
  /** When it happened, if not now (an order reported later): its expiry and the RFM windows count from it. */
  at?: number;
  /**
   * A debit that may take the balance below zero: reversing points already spent (a refunded order). Other
   * debits only happen while the balance covers them.
   */
  overdraw?: boolean;
  /** Recorded in the same D1 batch, only when the entry is new. */
  audit?: Omit<AuditEntry, "at" | "subjectRef">;
}

export interface LedgerOutcome {
  entry: LedgerRow;
  /** False when the key had been used before: nothing new was written. */
  created: boolean;
}

export async function recordLedgerEntry(deps: Deps, request: LedgerRequest): Promise<LedgerOutcome> {
  if (!Number.isSafeInteger(request.points) || request.points === 0) throw new RangeError("points must be a non-zero integer");
  const now = Date.now();
  const at = request.at ?? now;
  const row = {
    member_id: request.memberId,
    kind: request.kind,
    points: request.points,
    source: request.source,
    source_ref: request.sourceRef ?? null,
    reason: request.reason ?? null,
    purchase_amount: request.purchaseAmount ?? null,
    store_id: request.storeId ?? null,
    staff_user_id: request.staffUserId ?? null,
    idempotency_key: request.idempotencyKey,
    created_at: at,
  };
  let insert: ReturnType<typeof insertCreditQuery>;
  if (request.points > 0) {
    const settings = await findPointSettings(deps.db);
    insert = insertCreditQuery(deps.db, { ...row, expires_at: addMonths(at, settings.expiry_months), expiry_state: "pending" });
  } else if (request.overdraw) {
    // A plain insert (once per key), with no balance condition.
    insert = insertCreditQuery(deps.db, { ...row, expires_at: null, expiry_state: null });
  } else {
    insert = insertDebitQuery(deps.db, { ...row, expires_at: null, expiry_state: null });
  }
  // The audit row goes in only if this very attempt wrote the entry. SQLite's changes() still holds the
  // ledger insert's count when the audit insert reads it (a D1 batch runs its statements in order in one
  // transaction), so of two concurrent attempts in the same millisecond only the writer audits.
  const justWritten = deps.db.selectNoFrom(sql<number>`1`.as("one")).where(sql<boolean>`changes() = 1`);
  const queries = [insert];
  if (request.audit) {
    queries.push(auditQueryIf(deps, { ...request.audit, subjectRef: `ledger-key:${request.idempotencyKey}`, at: now }, justWritten));
  }
  const [changes] = await runBatchChanges(deps, queries);
  const entry = await findLedgerByKey(deps.db, request.idempotencyKey);
  if (!entry) {
    throw new AppError(409, "conflict", "Not enough points / ポイントが足りません", { reason: "insufficient_points" });
  }
  const created = changes === 1;
  if (!created && (entry.member_id !== request.memberId || entry.points !== request.points)) {
    throw conflict("This request was already used for a different entry / このリクエストは別の内容ですでに処理されています", {
      reason: "idempotency_key_reused",
    });
  }
  if (created && (request.kind === "grant" || request.kind === "adjust")) {
    await recomputeRank(deps, request.memberId, { notify: true });
  }
  return { entry, created };
}

/** Points granted to a friend's membership (survey rewards, online orders…), by LINE user id. */
export async function grantPointsToUser(
  deps: Deps,
  request: { userId: string; displayName?: string | null } & Omit<LedgerRequest, "memberId" | "kind">,
): Promise<LedgerOutcome> {
  if (request.points <= 0) throw new RangeError("a grant is positive");
  const member = await ensureMembership(deps, { userId: request.userId, name: request.displayName ?? null });
  return recordLedgerEntry(deps, { ...request, memberId: member.id, kind: "grant" });
}
