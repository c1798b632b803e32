-- Foundation: friends, the conversation timeline, webhook dedupe, roles, and the demo shop's base records.
-- Timestamps are epoch milliseconds (INTEGER) so ordering and ranges are cheap and dialect-neutral.

CREATE TABLE friends (
  line_user_id    TEXT PRIMARY KEY,
  display_name    TEXT,
  picture_url     TEXT,
  status_message  TEXT,
  language        TEXT,
  status          TEXT NOT NULL DEFAULT 'following' CHECK (status IN ('following', 'blocked')),
  followed_at     INTEGER,
  unfollowed_at   INTEGER,
  last_active_at  INTEGER,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX friends_status_idx ON friends (status, followed_at);

-- One row per webhookEventId seen: INSERT OR IGNORE makes redeliveries no-ops.
CREATE TABLE webhook_events (
  webhook_event_id TEXT PRIMARY KEY,
  event_type       TEXT NOT NULL,
  line_user_id     TEXT,
  is_redelivery    INTEGER NOT NULL DEFAULT 0,
  event_timestamp  INTEGER NOT NULL,
  received_at      INTEGER NOT NULL,
  processed_at     INTEGER
);

-- The conversation timeline: every message in and out, with delivery status for outbound ones.
CREATE TABLE messages (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  line_user_id    TEXT NOT NULL,
  direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  sender          TEXT NOT NULL CHECK (sender IN ('customer', 'bot', 'staff', 'system')),
  kind            TEXT NOT NULL,
  text            TEXT,
  payload         TEXT NOT NULL,
  line_message_id TEXT,
  webhook_event_id TEXT,
  delivery        TEXT NOT NULL CHECK (delivery IN ('received', 'pending', 'sent', 'failed')),
  method          TEXT CHECK (method IN ('reply', 'push', 'multicast')),
  retry_key       TEXT,
  line_request_id TEXT,
  error           TEXT,
  staff_user_id   TEXT,
  -- Idempotency key of an outbound send (e.g. "evt:<webhookEventId>:0"): a re-run job finds its rows and
  -- their retry key instead of sending again.
  outbound_key    TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX messages_user_idx ON messages (line_user_id, created_at);
CREATE UNIQUE INDEX messages_inbound_event_idx ON messages (webhook_event_id) WHERE direction = 'in' AND webhook_event_id IS NOT NULL;
CREATE UNIQUE INDEX messages_outbound_key_idx ON messages (outbound_key) WHERE outbound_key IS NOT NULL;

CREATE TABLE staff_roles (
  line_user_id TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
  display_name TEXT,
  granted_by   TEXT,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (line_user_id, role)
);

CREATE TABLE stores (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  address    TEXT,
  created_at INTEGER NOT NULL
);

-- Imported member records of the shop (may exist before the customer is a LINE friend).
CREATE TABLE members (
  id             TEXT PRIMARY KEY,
  member_number  TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  name_kana      TEXT,
  birthday       TEXT,
  phone_last4    TEXT,
  store_id       TEXT REFERENCES stores (id),
  line_user_id   TEXT UNIQUE,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);

CREATE TABLE tag_groups (
  id    TEXT PRIMARY KEY,
  name  TEXT NOT NULL,
  color TEXT NOT NULL DEFAULT '#06c755'
);

CREATE TABLE tags (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  group_id   TEXT REFERENCES tag_groups (id),
  color      TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE friend_tags (
  line_user_id TEXT NOT NULL,
  tag_id       TEXT NOT NULL REFERENCES tags (id),
  source       TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (line_user_id, tag_id)
);
CREATE INDEX friend_tags_tag_idx ON friend_tags (tag_id);

CREATE TABLE faq_entries (
  id         TEXT PRIMARY KEY,
  question   TEXT NOT NULL,
  answer     TEXT NOT NULL,
  alternates TEXT NOT NULL DEFAULT '[]',
  enabled    INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
