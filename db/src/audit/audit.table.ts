import type { Generated, Insertable, Selectable } from "kysely";

/**
 * What staff did, for the audit trail. Actions are dotted names owned by the feature that records them:
 * `card.scan`, `points.award`, `points.adjust`, `coupon.redeem`, `ranks.update`, `point_rules.update`…
 */
export interface AuditLogTable {
  id: Generated<number>;
  staff_user_id: string;
  store_id: string | null;
  action: string;
  /** The customer the action was about, when there is one. */
  target_user_id: string | null;
  /** What was acted on: a ledger entry id, coupon grant id, rank id… */
  subject_ref: string | null;
  /** JSON object with the action's particulars (amount, points, reason…). */
  details: string;
  created_at: number;
}
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
