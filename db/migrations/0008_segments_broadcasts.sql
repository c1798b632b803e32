-- Segments (saved filters) and broadcasts delivered in batches through the queue.
-- Decisions 016 (segment SQL and the covering index) and 017 (batches, retry keys, personalisation).

CREATE TABLE segments (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- The filter language (shared/src/segments/segment.schema.ts) as JSON; parsed with zod when read.
  filter      TEXT NOT NULL,
  created_by  TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

-- The audience scan: friends in user-ID order with the columns segment conditions test, so a count or a
-- keyset page never reads the table itself and its probes into friend_tags/members arrive in key order.
CREATE INDEX friends_segment_idx ON friends (line_user_id, status, last_active_at, followed_at, language);

CREATE TABLE broadcasts (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  -- NULL = everyone who follows the account.
  segment_id       TEXT REFERENCES segments (id),
  -- The filter frozen when planning starts (a later segment edit does not change a running broadcast).
  filter           TEXT,
  -- The moment relative conditions ("active within 7 days") are evaluated at, fixed with the filter.
  audience_at      INTEGER,
  messages         TEXT NOT NULL,
  personalised     INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL CHECK (status IN ('scheduled', 'sending', 'paused', 'completed', 'cancelled', 'failed')),
  scheduled_at     INTEGER NOT NULL,
  -- {"start":"21:00","end":"09:00"} in Japan time, or NULL for none.
  quiet_hours      TEXT,
  -- customAggregationUnits name, so LINE's per-unit open/click statistics can be fetched later.
  aggregation_unit TEXT NOT NULL,
  recipients_total INTEGER,
  -- Planning (paging the audience into batches) runs while earlier batches send; NULL = still planning.
  planned_at       INTEGER,
  paused_reason    TEXT CHECK (paused_reason IN ('rate_limited', 'quota_exhausted', 'quiet_hours', 'stalled')),
  resume_at        INTEGER,
  error            TEXT,
  created_by       TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  started_at       INTEGER,
  completed_at     INTEGER
);
CREATE INDEX broadcasts_due_idx ON broadcasts (status, scheduled_at);
CREATE INDEX broadcasts_created_idx ON broadcasts (created_at);

-- One row per batch of ≤ 500 recipients (≤ 50 for personalised pushes): inserted once when planned,
-- updated once when done — the only rows a batch writes. WITHOUT ROWID keeps it one b-tree (no extra
-- index rows on insert). The retry key is stored before the first send, so every attempt uses it.
CREATE TABLE broadcast_batches (
  broadcast_id    TEXT NOT NULL,
  seq             INTEGER NOT NULL,
  recipient_count INTEGER NOT NULL,
  -- The last (greatest) recipient ID: where the next page of the plan starts.
  last_recipient  TEXT NOT NULL,
  retry_key       TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'cancelled')),
  sent_count      INTEGER NOT NULL DEFAULT 0,
  failed_count    INTEGER NOT NULL DEFAULT 0,
  line_request_id TEXT,
  error           TEXT,
  created_at      INTEGER NOT NULL,
  completed_at    INTEGER,
  -- JSON array of LINE user IDs, in ID order. Last column:
  -- it spills to overflow pages, and SQLite reads a record's columns in order.
  recipients      TEXT NOT NULL,
  PRIMARY KEY (broadcast_id, seq)
) WITHOUT ROWID;
