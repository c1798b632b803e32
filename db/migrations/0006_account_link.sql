-- Account linking (issue 3 §5): the LIFF check's lockout, the demo shop website's accounts, the Messaging
-- API flow's nonces, and the history of links and unlinks. Timestamps are epoch milliseconds (INTEGER).

-- One row per LIFF link check (and demo-site login) that has not succeeded: the lockout counts the rows of
-- the last hour per subject. A check claims its row before it runs (a single INSERT … SELECT … WHERE
-- count < 5), so concurrent guesses cannot slip past the limit; a success deletes its own rows again.
CREATE TABLE link_attempts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  -- friend = a LINE user id, member = a member number as typed (normalised), login = a demo-site login id
  scope        TEXT NOT NULL CHECK (scope IN ('friend', 'member', 'login')),
  subject      TEXT NOT NULL,
  attempted_at INTEGER NOT NULL
);
CREATE INDEX link_attempts_subject_idx ON link_attempts (scope, subject, attempted_at);
CREATE INDEX link_attempts_time_idx ON link_attempts (attempted_at);

-- The demo shop's own website accounts (flow b's built-in login page). A shop with its own website keeps
-- its accounts there; these exist so the whole flow runs locally.
CREATE TABLE shop_accounts (
  id            TEXT PRIMARY KEY,
  login_id      TEXT NOT NULL UNIQUE,
  -- pbkdf2-sha256$<iterations>$<salt base64url>$<hash base64url>
  password_hash TEXT NOT NULL,
  member_id     TEXT NOT NULL REFERENCES members (id),
  created_at    INTEGER NOT NULL
);

-- Nonces handed to LINE's account-link dialog after a successful shop login: ≥ 128 random bits, single
-- use (consumed by one conditional UPDATE … WHERE used_at IS NULL), valid 10 minutes.
CREATE TABLE link_nonces (
  nonce               TEXT PRIMARY KEY,
  member_id           TEXT NOT NULL REFERENCES members (id),
  shop_account_id     TEXT REFERENCES shop_accounts (id),
  created_at          INTEGER NOT NULL,
  expires_at          INTEGER NOT NULL,
  used_at             INTEGER,
  -- Who consumed it, from the accountLink event's source.userId, and which event: a queue retry of that
  -- same event finishes its work instead of being refused as a replay.
  used_by_user_id     TEXT,
  used_by_event_id    TEXT
);
CREATE INDEX link_nonces_expiry_idx ON link_nonces (expires_at);

-- Every link and unlink: the profile shows it, KPIs count the ID-link rate over time.
CREATE TABLE member_link_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id    TEXT NOT NULL REFERENCES members (id),
  line_user_id TEXT NOT NULL,
  action       TEXT NOT NULL CHECK (action IN ('link', 'unlink')),
  -- liff = member number + birthday/phone in LIFF; account_link = Messaging API flow; customer = unlinked by themselves
  method       TEXT NOT NULL CHECK (method IN ('liff', 'account_link', 'customer', 'staff')),
  created_at   INTEGER NOT NULL
);
CREATE INDEX member_link_events_user_idx ON member_link_events (line_user_id, id);
CREATE INDEX member_link_events_time_idx ON member_link_events (created_at);
