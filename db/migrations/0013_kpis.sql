-- KPIs (decision 022): what the dashboard needs that the tables did not yet record, and the indexes that
-- let every figure be one aggregate over a time range. Timestamps are epoch milliseconds.

-- Every follow and block, one row each. friends keeps only the latest follow (a re-follow clears
-- unfollowed_at), so blocks per day and the friend count at a period's start need this log. One INSERT OR
-- IGNORE per follow/unfollow event (the unique key makes a re-run of the job write nothing).
CREATE TABLE friend_events (
  line_user_id TEXT NOT NULL,
  type         TEXT NOT NULL CHECK (type IN ('follow', 'unfollow')),
  at           INTEGER NOT NULL,
  PRIMARY KEY (line_user_id, type, at)
) WITHOUT ROWID;
-- Counts per day (covering), and the period's blockers in one range.
CREATE INDEX friend_events_time_idx ON friend_events (type, at, line_user_id);

-- What friends already have, as far as friends can tell: their latest follow and their latest block.
INSERT OR IGNORE INTO friend_events (line_user_id, type, at)
  SELECT line_user_id, 'follow', followed_at FROM friends WHERE followed_at IS NOT NULL;
INSERT OR IGNORE INTO friend_events (line_user_id, type, at)
  SELECT line_user_id, 'unfollow', unfollowed_at FROM friends WHERE unfollowed_at IS NOT NULL;

-- What the bot did with each customer message (set on the inbound timeline row by one UPDATE of that row,
-- idempotent on re-run): answered | suggested | smalltalk | handover | staff (a person had the chat) | other.
ALTER TABLE messages ADD COLUMN bot_action TEXT;
-- Customer messages per day and decision: a range over this partial covering index, inbound rows only.
CREATE INDEX messages_inbound_time_idx ON messages (created_at, bot_action) WHERE direction = 'in';

-- Grants issued in a period and how many of them were redeemed.
CREATE INDEX coupon_grants_granted_idx ON coupon_grants (granted_at, redeemed_at);
-- Survey responses started in a period, per survey and status.
CREATE INDEX survey_responses_started_idx ON survey_responses (started_at, survey_id, status);
-- Clicks in a period across links (link_clicks_link_idx is per link).
CREATE INDEX link_clicks_time_idx ON link_clicks (clicked_at, link_id, line_user_id);
-- Which batch of a broadcast holds a friend: batches are user-ID ranges ending at last_recipient, so the
-- first batch whose last recipient is >= the friend is the only one that can hold them.
CREATE INDEX broadcast_batches_recipient_idx ON broadcast_batches (broadcast_id, last_recipient);
