import type { Insertable, Selectable } from "kysely";

export type BroadcastStatus = "scheduled" | "sending" | "paused" | "completed" | "cancelled" | "failed";
export type BroadcastPauseReason = "rate_limited" | "quota_exhausted" | "quiet_hours" | "stalled";
export type BatchStatus = "queued" | "sent" | "failed" | "cancelled";

export interface BroadcastsTable {
  id: string;
  name: string;
  segment_id: string | null;
  /** JSON filter frozen when planning starts. */
  filter: string | null;
  audience_at: number | null;
  /** JSON array of broadcast messages (shared/src/broadcasts). */
  messages: string;
  personalised: number;
  status: BroadcastStatus;
  scheduled_at: number;
  /** JSON `{ start, end }` ("HH:MM", Japan time) or null. */
  quiet_hours: string | null;
  aggregation_unit: string;
  recipients_total: number | null;
  planned_at: number | null;
  paused_reason: BroadcastPauseReason | null;
  resume_at: number | null;
  error: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  completed_at: number | null;
}
export type BroadcastRow = Selectable<BroadcastsTable>;
export type NewBroadcastRow = Insertable<BroadcastsTable>;

export interface BroadcastBatchesTable {
  broadcast_id: string;
  seq: number;
  recipient_count: number;
  last_recipient: string;
  retry_key: string;
  status: BatchStatus;
  sent_count: number;
  failed_count: number;
  line_request_id: string | null;
  error: string | null;
  created_at: number;
  completed_at: number | null;
  /** JSON array of LINE user IDs. */
  recipients: string;
}
export type BroadcastBatchRow = Selectable<BroadcastBatchesTable>;
export type NewBroadcastBatchRow = Insertable<BroadcastBatchesTable>;
