-- Coupons: the offers operators create, the copies (grants) friends hold and redeem once, lottery draws,
-- and audience sends. Timestamps are epoch milliseconds (INTEGER), as in 0001.

CREATE TABLE coupons (
  id                  TEXT PRIMARY KEY,
  title               TEXT NOT NULL,
  image_url           TEXT,
  terms               TEXT NOT NULL DEFAULT '',
  discount_kind       TEXT NOT NULL CHECK (discount_kind IN ('yen', 'percent')),
  discount_value      INTEGER NOT NULL CHECK (discount_value > 0),
  starts_at           INTEGER NOT NULL,
  ends_at             INTEGER NOT NULL,
  -- A grant expires this many days after it was granted (never after ends_at). NULL: at ends_at.
  valid_days          INTEGER CHECK (valid_days IS NULL OR valid_days >= 1),
  audience_kind       TEXT NOT NULL DEFAULT 'everyone' CHECK (audience_kind IN ('everyone', 'tag', 'segment')),
  -- Tag id (audience_kind = 'tag') or segment id (when segments exist).
  audience_ref        TEXT,
  per_user_limit      INTEGER NOT NULL DEFAULT 1 CHECK (per_user_limit >= 1),
  -- Grants issued in total (先着); NULL = no limit.
  total_limit         INTEGER CHECK (total_limit IS NULL OR total_limit >= 1),
  -- Lottery: win probability in basis points (0–10000) and the most winners; NULL = no lottery.
  lottery_rate_bp     INTEGER CHECK (lottery_rate_bp IS NULL OR lottery_rate_bp BETWEEN 0 AND 10000),
  lottery_max_winners INTEGER CHECK (lottery_max_winners IS NULL OR lottery_max_winners >= 1),
  -- Tag name added (through addTag, source 'coupon') when a grant of this coupon is redeemed.
  redeem_tag          TEXT,
  status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'archived')),
  created_by          TEXT,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (discount_kind = 'yen' OR discount_value <= 100)
);
CREATE INDEX coupons_status_idx ON coupons (status, ends_at);

-- One usable copy of a coupon held by one friend. Redeemed at most once: the redeeming UPDATE is
-- conditional on redeemed_at IS NULL and its change count decides who won.
CREATE TABLE coupon_grants (
  id              TEXT PRIMARY KEY,
  coupon_id       TEXT NOT NULL REFERENCES coupons (id),
  line_user_id    TEXT NOT NULL,
  -- 1..per_user_limit: with the unique index below, two racing claims cannot both take the same slot.
  seq             INTEGER NOT NULL,
  -- What the customer shows or types (staff scan, online checkout). Unique, unguessable.
  code            TEXT NOT NULL UNIQUE,
  -- claim | survey | staff | scenario
  source          TEXT NOT NULL,
  source_ref      TEXT,
  -- Idempotency key of a grant made for something (e.g. survey reward `survey:<responseId>:<couponId>`).
  grant_key       TEXT,
  granted_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  redeemed_at     INTEGER,
  -- Staff user id, or the customer's own id for the "use now" screen.
  redeemed_by     TEXT,
  redeem_channel  TEXT CHECK (redeem_channel IN ('counter', 'use-now', 'online')),
  redeem_store_id TEXT,
  -- Set by the redeeming statement: lets the audit row in the same batch find the winning attempt.
  redemption_id   TEXT
);
CREATE UNIQUE INDEX coupon_grants_slot_idx ON coupon_grants (coupon_id, line_user_id, seq);
CREATE UNIQUE INDEX coupon_grants_key_idx ON coupon_grants (grant_key) WHERE grant_key IS NOT NULL;
CREATE INDEX coupon_grants_user_idx ON coupon_grants (line_user_id, granted_at);
-- KPIs: redemptions per coupon and over time.
CREATE INDEX coupon_grants_redeemed_idx ON coupon_grants (coupon_id, redeemed_at);
CREATE INDEX coupon_grants_redeemed_at_idx ON coupon_grants (redeemed_at) WHERE redeemed_at IS NOT NULL;

-- A friend's lottery draw for a coupon: one row, decided once (primary key), winners capped in the same
-- INSERT … SELECT that decides it.
CREATE TABLE coupon_draws (
  coupon_id    TEXT NOT NULL REFERENCES coupons (id),
  line_user_id TEXT NOT NULL,
  won          INTEGER NOT NULL CHECK (won IN (0, 1)),
  drawn_at     INTEGER NOT NULL,
  PRIMARY KEY (coupon_id, line_user_id)
);
CREATE INDEX coupon_draws_won_idx ON coupon_draws (coupon_id, won);

-- "Send as a Flex card": one row per send, one per multicast batch of ≤ 500 recipients (D1 writes per
-- batch, not per recipient). The batch's retry key makes a re-run job harmless (LINE answers 409).
CREATE TABLE coupon_sends (
  id           TEXT PRIMARY KEY,
  coupon_id    TEXT NOT NULL REFERENCES coupons (id),
  created_by   TEXT NOT NULL,
  -- Counts are summed from the batch rows, so finishing a batch is one conditional UPDATE.
  status       TEXT NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'done')),
  created_at   INTEGER NOT NULL,
  finished_at  INTEGER
);
CREATE INDEX coupon_sends_coupon_idx ON coupon_sends (coupon_id, created_at);

CREATE TABLE coupon_send_batches (
  send_id        TEXT NOT NULL REFERENCES coupon_sends (id),
  batch_no       INTEGER NOT NULL,
  retry_key      TEXT NOT NULL,
  -- Recipients are the audience's user ids after this one, in order (keyset paging).
  after_user_id  TEXT NOT NULL,
  recipients     INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  line_request_id TEXT,
  error          TEXT,
  created_at     INTEGER NOT NULL,
  sent_at        INTEGER,
  PRIMARY KEY (send_id, batch_no)
);
