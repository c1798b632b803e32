-- Rich menus, the policy that picks each friend's menu, what is linked per friend, and bulk reconcile runs.
-- Timestamps are epoch milliseconds (INTEGER), as in 0001.

-- Tags can be archived instead of deleted: their history (tag_events) keeps pointing at them.
ALTER TABLE tags ADD COLUMN archived_at INTEGER;
ALTER TABLE tag_groups ADD COLUMN position INTEGER NOT NULL DEFAULT 0;

-- A menu as operators edit it. LINE never lets a published menu change (not even its image), so an edit
-- bumps `revision`; publishing creates a new LINE menu for that revision, points the alias at it, moves the
-- friends over (reconcile) and retires the old LINE menu.
CREATE TABLE rich_menus (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  chat_bar_text      TEXT NOT NULL,
  selected           INTEGER NOT NULL DEFAULT 0,
  -- Tab name that `richmenuswitch` areas of other menus jump to.
  alias_id           TEXT UNIQUE,
  -- JSON array of LINE area objects ({ bounds, action }).
  areas              TEXT NOT NULL DEFAULT '[]',
  revision           INTEGER NOT NULL DEFAULT 1,
  line_rich_menu_id  TEXT,
  published_revision INTEGER,
  published_at       INTEGER,
  publish_error      TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);

-- The image apart from the menu row, so listing menus never reads the bytes. ≤ 1 MB (LINE's limit) fits a
-- D1 row (2 MB).
CREATE TABLE rich_menu_images (
  menu_id      TEXT PRIMARY KEY REFERENCES rich_menus (id) ON DELETE CASCADE,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
  width        INTEGER NOT NULL,
  height       INTEGER NOT NULL,
  byte_size    INTEGER NOT NULL,
  bytes        BLOB NOT NULL,
  uploaded_at  INTEGER NOT NULL
);

-- The policy is one document (ordered rules + default), replaced whole with a version check, so a reorder
-- is one atomic write and two editors cannot interleave.
CREATE TABLE rich_menu_policy (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  rules           TEXT NOT NULL DEFAULT '[]',
  default_menu_id TEXT REFERENCES rich_menus (id),
  -- LINE's current default rich menu, as last set by us.
  default_line_rich_menu_id TEXT,
  version         INTEGER NOT NULL DEFAULT 0,
  updated_by      TEXT,
  updated_at      INTEGER NOT NULL
);
INSERT INTO rich_menu_policy (id, rules, default_menu_id, version, updated_at) VALUES (1, '[]', NULL, 0, 0);

-- What is linked to each friend on LINE (a per-user link), so a recompute calls LINE only on a change.
-- No row, or line_rich_menu_id NULL = no per-user link: LINE shows the default menu.
CREATE TABLE friend_rich_menus (
  line_user_id      TEXT PRIMARY KEY,
  menu_id           TEXT,
  line_rich_menu_id TEXT,
  rule_id           TEXT,
  updated_at        INTEGER NOT NULL
);
CREATE INDEX friend_rich_menus_line_idx ON friend_rich_menus (line_rich_menu_id);

-- A bulk reconcile: applies the policy to every following friend in line_user_id order, page by page. The
-- cursor (last friend done) is written after each page, so an interrupted run resumes where it stopped.
CREATE TABLE rich_menu_reconcile_runs (
  id           TEXT PRIMARY KEY,
  reason       TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'superseded')),
  cursor       TEXT,
  friends_seen INTEGER NOT NULL DEFAULT 0,
  linked       INTEGER NOT NULL DEFAULT 0,
  unlinked     INTEGER NOT NULL DEFAULT 0,
  calls        INTEGER NOT NULL DEFAULT 0,
  error        TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  finished_at  INTEGER
);
CREATE INDEX rich_menu_reconcile_runs_status_idx ON rich_menu_reconcile_runs (status, updated_at);

-- LINE menus replaced by a newer revision: deleted on LINE once a reconcile has moved everyone off them.
CREATE TABLE rich_menu_retired (
  line_rich_menu_id TEXT PRIMARY KEY,
  menu_id           TEXT NOT NULL,
  retired_at        INTEGER NOT NULL,
  deleted_at        INTEGER
);
