import type { Generated, Insertable, Selectable } from "kysely";

export type LedgerKind = "grant" | "use" | "expire" | "adjust";
export type LedgerSource = "purchase" | "survey" | "coupon" | "manual" | "expiry" | "order" | "seed";
export type ExpiryState = "pending" | "noticed" | "done";

/** The points ledger (0003). A balance is the SUM of a member's rows. */
export interface PointLedgerTable {
  id: Generated<number>;
  member_id: string;
  kind: LedgerKind;
  /** Signed: credits positive, debits negative. */
  points: number;
  source: LedgerSource;
  source_ref: string | null;
  reason: string | null;
  purchase_amount: number | null;
  store_id: string | null;
  staff_user_id: string | null;
  idempotency_key: string;
  /** Credits only. */
  expires_at: number | null;
  /** Credits only. */
  expiry_state: ExpiryState | null;
  created_at: number;
}
export type LedgerRow = Selectable<PointLedgerTable>;
export type NewLedgerRow = Insertable<PointLedgerTable>;

export interface PointSettingsTable {
  id: number;
  rate_bp: number;
  expiry_months: number;
  expiry_notice_days: number;
  rank_window_months: number;
  updated_by: string | null;
  updated_at: number;
}
export type PointSettingsRow = Selectable<PointSettingsTable>;

/** `stores` (0001) plus the store's own point rate (0003). */
export interface StoresTable {
  id: string;
  name: string;
  address: string | null;
  point_rate_bp: number | null;
  created_at: number;
}
export type StoreRow = Selectable<StoresTable>;
