-- Tracked links (decision 020): a short code that redirects to a destination and records each click,
-- attributed to the friend when the URL carries a signature for them, and optionally tags them.
-- Timestamps are epoch milliseconds.

CREATE TABLE tracked_links (
  id          TEXT PRIMARY KEY,
  -- What goes after /r/: short, URL-safe, chosen by the operator or generated.
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  -- http(s) only, validated by shared/src/links/link.schema.ts before it is stored.
  destination TEXT NOT NULL,
  -- Added (source 'link') to an attributed clicker; by ID so a renamed tag still applies.
  tag_id      TEXT REFERENCES tags (id),
  created_by  TEXT,
  created_at  INTEGER NOT NULL
);

-- One row per click: the redirect writes this single row (and tags, when attributed and configured).
-- No foreign key: deleting a link deletes its clicks in the same D1 batch.
CREATE TABLE link_clicks (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  link_id      TEXT NOT NULL,
  -- NULL = anonymous (no or a bad signature).
  line_user_id TEXT,
  clicked_at   INTEGER NOT NULL
);
-- The admin's per-link counts and time charts.
CREATE INDEX link_clicks_link_idx ON link_clicks (link_id, clicked_at);
-- The segment condition "clicked a link": probed per friend in user-ID order; clicked_at makes the
-- time-range variant answerable from the index alone.
CREATE INDEX link_clicks_user_idx ON link_clicks (line_user_id, link_id, clicked_at);
