-- Issue 4: the FAQ bot's settings and learning, human takeover, the staff inbox's notes and canned replies.
-- Timestamps are epoch milliseconds. faq_entries itself is in 0001.

-- FAQ entries keep the order of the imported file (and of creation) for the admin and the export.
ALTER TABLE faq_entries ADD COLUMN position INTEGER NOT NULL DEFAULT 0;

-- Who answers each customer's chat (shared/src/takeover): no row = the bot. Written with a version check
-- (UPDATE … WHERE version = ?), so a customer message and a staff click cannot both win.
CREATE TABLE conversations (
  line_user_id       TEXT PRIMARY KEY,
  state              TEXT NOT NULL DEFAULT 'bot' CHECK (state IN ('bot', 'waiting', 'staff')),
  assignee_user_id   TEXT,
  assignee_name      TEXT,
  reason             TEXT CHECK (reason IN ('requested', 'unhelpful', 'negative', 'out-of-scope', 'staff')),
  waiting_since      INTEGER,
  last_activity_at   INTEGER NOT NULL,
  misses             INTEGER NOT NULL DEFAULT 0,
  hours_notice_at    INTEGER,
  -- The bot's memory of its last FAQ turn: what was asked (the timeline row), what it answered, what else
  -- it considered — so 解決しない can offer the others and 解決した can teach the matcher.
  faq_question       TEXT,
  faq_message_id     INTEGER,
  faq_answer_id      TEXT,
  faq_candidates     TEXT NOT NULL DEFAULT '[]',
  -- The newest customer message already marked as read in LINE.
  read_through_id    INTEGER,
  version            INTEGER NOT NULL DEFAULT 0,
  updated_at         INTEGER NOT NULL
);
CREATE INDEX conversations_state_idx ON conversations (state, waiting_since);
CREATE INDEX conversations_idle_idx ON conversations (last_activity_at) WHERE state != 'bot';

-- History of handovers, takes, assignments and releases: shown in the timeline and kept for the record.
CREATE TABLE takeover_events (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  line_user_id     TEXT NOT NULL,
  type             TEXT NOT NULL CHECK (type IN ('handover', 'take', 'assign', 'resolve', 'release')),
  reason           TEXT,
  actor_user_id    TEXT,
  actor_name       TEXT,
  assignee_user_id TEXT,
  assignee_name    TEXT,
  created_at       INTEGER NOT NULL
);
CREATE INDEX takeover_events_user_idx ON takeover_events (line_user_id, id);

-- One row: the FAQ version (bumped on every FAQ change, so each isolate rebuilds its matcher index once),
-- business hours (JSON, shared/src/business-hours) and takeover settings.
CREATE TABLE bot_settings (
  id                     INTEGER PRIMARY KEY CHECK (id = 1),
  faq_version            INTEGER NOT NULL DEFAULT 1,
  -- "shop" and "domain" of the FAQ file format (../shared/faq/README.md), kept for export.
  faq_shop               TEXT NOT NULL DEFAULT '',
  faq_domain             TEXT NOT NULL DEFAULT '',
  business_hours         TEXT NOT NULL,
  release_after_hours    INTEGER NOT NULL DEFAULT 48 CHECK (release_after_hours BETWEEN 1 AND 720),
  notify_staff_by_line   INTEGER NOT NULL DEFAULT 0,
  updated_at             INTEGER NOT NULL
);
INSERT INTO bot_settings (id, faq_version, business_hours, release_after_hours, notify_staff_by_line, updated_at) VALUES
  (1, 1, '{"weekly":[[],[{"open":"10:00","close":"19:00"}],[{"open":"10:00","close":"19:00"}],[{"open":"10:00","close":"19:00"}],[{"open":"10:00","close":"19:00"}],[{"open":"10:00","close":"19:00"}],[{"open":"10:00","close":"19:00"}]],"closedOnPublicHolidays":true,"closedDates":[]}', 48, 0, 0);

-- Learning (issue 4 §3): customers' questions confirmed by 解決した, and questions staff attached to an
-- entry, wait here for review; approved ones are phrasings the matcher uses.
CREATE TABLE faq_alternates (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id      TEXT NOT NULL REFERENCES faq_entries (id) ON DELETE CASCADE,
  question      TEXT NOT NULL,
  -- normalizeKey(question): the same phrasing is suggested once per entry, however often it is asked.
  question_key  TEXT NOT NULL,
  source        TEXT NOT NULL CHECK (source IN ('confirmed', 'staff')),
  status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  line_user_id  TEXT,
  message_id    INTEGER,
  suggested_by  TEXT,
  reviewed_by   TEXT,
  reviewed_at   INTEGER,
  created_at    INTEGER NOT NULL,
  UNIQUE (entry_id, question_key)
);
CREATE INDEX faq_alternates_status_idx ON faq_alternates (status, id);

-- Internal notes about a customer: staff only, never sent.
CREATE TABLE conversation_notes (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  line_user_id    TEXT NOT NULL,
  author_user_id  TEXT NOT NULL,
  author_name     TEXT,
  body            TEXT NOT NULL,
  created_at      INTEGER NOT NULL
);
CREATE INDEX conversation_notes_user_idx ON conversation_notes (line_user_id, id);

CREATE TABLE canned_replies (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
