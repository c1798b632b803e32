-- Member card, points ledger, ranks, point rules, single-use card codes and the staff audit trail.
-- Timestamps are epoch milliseconds (INTEGER), as in 0001.

-- Every staff action (staff, store, what, when). Shared by the scanner, points and coupons.
CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  staff_user_id  TEXT NOT NULL,
  store_id       TEXT,
  action         TEXT NOT NULL,
  target_user_id TEXT,
  subject_ref    TEXT,
  details        TEXT NOT NULL DEFAULT '{}',
  created_at     INTEGER NOT NULL
);
CREATE INDEX audit_log_target_idx ON audit_log (target_user_id, id);
CREATE INDEX audit_log_staff_idx ON audit_log (staff_user_id, id);
CREATE INDEX audit_log_store_idx ON audit_log (store_id, id);

-- Members (0001) gain: where the membership came from, the current rank, and the LINE-only membership's
-- owner. A friend who has not linked a shop membership gets a LINE-only one (origin 'line') on first card
-- open. Its owner is kept in line_only_user_id, not line_user_id: line_user_id means "linked" to account
-- linking, which stays untouched. Once the friend links a shop membership, the LINE-only one is folded
-- into it (points moved, merged_into_id set, owner cleared).
ALTER TABLE members ADD COLUMN origin TEXT NOT NULL DEFAULT 'import' CHECK (origin IN ('import', 'line'));
ALTER TABLE members ADD COLUMN line_only_user_id TEXT;
ALTER TABLE members ADD COLUMN rank_id TEXT;
ALTER TABLE members ADD COLUMN rank_changed_at INTEGER;
ALTER TABLE members ADD COLUMN merged_into_id TEXT;
CREATE UNIQUE INDEX members_line_only_user_idx ON members (line_only_user_id) WHERE line_only_user_id IS NOT NULL;

-- A store's own point rate (basis points of the purchase amount: 100 = 1 point per ¥100); NULL = default.
ALTER TABLE stores ADD COLUMN point_rate_bp INTEGER CHECK (point_rate_bp IS NULL OR point_rate_bp BETWEEN 0 AND 10000);

-- Shop-wide point rules: one row.
CREATE TABLE point_settings (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  rate_bp            INTEGER NOT NULL DEFAULT 100 CHECK (rate_bp BETWEEN 0 AND 10000),
  expiry_months      INTEGER NOT NULL DEFAULT 12 CHECK (expiry_months BETWEEN 1 AND 120),
  expiry_notice_days INTEGER NOT NULL DEFAULT 14 CHECK (expiry_notice_days BETWEEN 0 AND 90),
  -- Ranks count the points earned in this many months before now.
  rank_window_months INTEGER NOT NULL DEFAULT 12 CHECK (rank_window_months BETWEEN 1 AND 60),
  updated_by         TEXT,
  updated_at         INTEGER NOT NULL
);
INSERT INTO point_settings (id, updated_at) VALUES (1, 0);

-- Ranks: a member holds the rank with the highest min_points not above the points earned in the window.
-- There is always one rank at 0 (the service refuses a rule set without it).
CREATE TABLE ranks (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  name_en        TEXT NOT NULL,
  min_points     INTEGER NOT NULL UNIQUE CHECK (min_points >= 0),
  -- Purchase points are multiplied by this (100 = ×1, 200 = ×2).
  multiplier_pct INTEGER NOT NULL DEFAULT 100 CHECK (multiplier_pct BETWEEN 0 AND 1000),
  color          TEXT NOT NULL DEFAULT '#06c755',
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
INSERT INTO ranks (id, name, name_en, min_points, multiplier_pct, color, created_at, updated_at)
VALUES ('rank-regular', 'レギュラー', 'Regular', 0, 100, '#06c755', 0, 0);

-- The points ledger. A balance is the SUM of a member's rows; nothing is ever updated by read-then-write.
-- Every row has an idempotency key (UNIQUE): a retried award, a double tap or a re-run cron inserts nothing.
-- Debits are conditional INSERT … SELECT … WHERE balance >= n, one statement, so they cannot overdraw.
CREATE TABLE point_ledger (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id       TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('grant', 'use', 'expire', 'adjust')),
  points          INTEGER NOT NULL CHECK (points <> 0),
  -- purchase | survey | coupon | manual | expiry | order | seed
  source          TEXT NOT NULL,
  source_ref      TEXT,
  reason          TEXT,
  purchase_amount INTEGER,
  store_id        TEXT,
  staff_user_id   TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  -- Credits only: when their unspent part expires (points are spent oldest-expiry first).
  expires_at      INTEGER,
  -- Credits only: pending → noticed (the N-days-before notice went out) → done (expired or fully spent).
  expiry_state    TEXT CHECK (expiry_state IN ('pending', 'noticed', 'done')),
  created_at      INTEGER NOT NULL,
  CHECK (kind <> 'grant' OR points > 0),
  CHECK (kind NOT IN ('use', 'expire') OR points < 0),
  CHECK ((points > 0) = (expires_at IS NOT NULL))
);
CREATE INDEX point_ledger_member_idx ON point_ledger (member_id, created_at);
CREATE INDEX point_ledger_expiry_idx ON point_ledger (expiry_state, expires_at) WHERE expiry_state IN ('pending', 'noticed');

-- Accepted card codes: one row per scan. code_id is UNIQUE, so a code is accepted once (INSERT … ON
-- CONFLICT DO NOTHING, changes === 1), and the scan id lets staff act on that member for a few minutes.
CREATE TABLE card_scans (
  id            TEXT PRIMARY KEY,
  code_id       TEXT NOT NULL UNIQUE,
  member_id     TEXT NOT NULL,
  staff_user_id TEXT NOT NULL,
  store_id      TEXT,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL
);
CREATE INDEX card_scans_time_idx ON card_scans (created_at);
