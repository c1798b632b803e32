-- Step scenarios: messages and actions timed from an event (follow, tag added, survey answered, coupon
-- redeemed, purchase, cancellation). Cron finds due steps through an indexed next_run_at and enqueues them.

CREATE TABLE scenarios (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused')),
  -- follow | tagAdded | surveyAnswered | couponRedeemed | purchase | cancellation: what enrols a friend.
  trigger_type TEXT NOT NULL,
  -- The trigger as JSON (its type plus what it is narrowed to, e.g. the tag or survey).
  trigger      TEXT NOT NULL,
  -- JSON array of steps (delay, optional condition, actions); parsed with zod when read.
  steps        TEXT NOT NULL,
  -- JSON { tags: [...], unfollow, purchase }: what ends an enrolment early.
  exit_on      TEXT NOT NULL,
  -- JSON { start, end } ("HH:MM", Japan time) or NULL.
  quiet_hours  TEXT,
  -- 1 = a friend who finished (or left) can be enrolled again by a later trigger.
  allow_reentry INTEGER NOT NULL DEFAULT 0,
  template_id  TEXT,
  created_by   TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX scenarios_trigger_idx ON scenarios (status, trigger_type);

CREATE TABLE scenario_enrolments (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  scenario_id  TEXT NOT NULL REFERENCES scenarios (id),
  line_user_id TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('active', 'completed', 'exited', 'stopped')),
  -- Incremented on re-entry, so the step sends of an earlier round keep their own idempotency keys.
  round        INTEGER NOT NULL DEFAULT 1,
  -- The next step to run (0-based index into the scenario's steps).
  step_index   INTEGER NOT NULL DEFAULT 0,
  -- When the trigger happened: "day N at 10:00" counts from this day (Japan time).
  anchor_at    INTEGER NOT NULL,
  -- When the next step is due; NULL once the enrolment is over. Cron claims due rows by moving it forward
  -- (a lease), so a step whose job died is picked up again when the lease runs out.
  next_run_at  INTEGER,
  last_step_at INTEGER,
  exit_reason  TEXT,
  -- The triggering event's details (JSON), e.g. a cancellation reason.
  context      TEXT NOT NULL DEFAULT '{}',
  enrolled_at  INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  ended_at     INTEGER
);
CREATE UNIQUE INDEX scenario_enrolments_friend_idx ON scenario_enrolments (scenario_id, line_user_id);
CREATE INDEX scenario_enrolments_due_idx ON scenario_enrolments (next_run_at) WHERE next_run_at IS NOT NULL;
CREATE INDEX scenario_enrolments_user_idx ON scenario_enrolments (line_user_id, status);

-- What each step did for each enrolment: the progress shown on the friend's profile.
CREATE TABLE scenario_step_runs (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  enrolment_id  INTEGER NOT NULL REFERENCES scenario_enrolments (id),
  round         INTEGER NOT NULL,
  step_index    INTEGER NOT NULL,
  step_id       TEXT NOT NULL,
  -- done: actions ran | skipped: condition said skip, or the friend had blocked us | stopped | branched | exited
  outcome       TEXT NOT NULL CHECK (outcome IN ('done', 'skipped', 'stopped', 'branched', 'exited')),
  detail        TEXT,
  ran_at        INTEGER NOT NULL
);
CREATE UNIQUE INDEX scenario_step_runs_once_idx ON scenario_step_runs (enrolment_id, round, step_index);
