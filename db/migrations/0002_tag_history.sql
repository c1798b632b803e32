-- Every tag change with its source, so the profile shows why a friend has a tag and KPIs can count them.
CREATE TABLE tag_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  line_user_id TEXT NOT NULL,
  tag_id       TEXT NOT NULL REFERENCES tags (id),
  action       TEXT NOT NULL CHECK (action IN ('add', 'remove')),
  -- staff | survey | coupon | link | scenario | purchase | api | system | import
  source       TEXT NOT NULL,
  -- Who or what: a staff user id, survey id, coupon id, scenario id…
  source_ref   TEXT,
  created_at   INTEGER NOT NULL
);
CREATE INDEX tag_events_user_idx ON tag_events (line_user_id, created_at);
CREATE INDEX tag_events_tag_idx ON tag_events (tag_id, created_at);
