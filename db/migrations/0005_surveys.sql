-- Surveys: forms operators build, each friend's response (kept while in progress, so a reload resumes),
-- answers per question, and the rewards a response earned. Timestamps are epoch milliseconds (INTEGER).

CREATE TABLE surveys (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  -- The form (questions, options, branching, per-answer tags and rewards) as JSON, parsed with
  -- SurveyDefinitionSchema (shared/src/surveys) whenever it is read.
  definition     TEXT NOT NULL,
  allow_multiple INTEGER NOT NULL DEFAULT 0 CHECK (allow_multiple IN (0, 1)),
  status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  created_by     TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX surveys_status_idx ON surveys (status, created_at);

CREATE TABLE survey_responses (
  id            TEXT PRIMARY KEY,
  survey_id     TEXT NOT NULL REFERENCES surveys (id),
  line_user_id  TEXT NOT NULL,
  -- 1 for a friend's first response; later ones only when the survey allows more.
  seq           INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted')),
  -- Answers so far (JSON object question id → value); the final answers once submitted.
  answers       TEXT NOT NULL DEFAULT '{}',
  -- The question the friend was on, so a reload resumes there.
  current_question TEXT,
  -- Set by the submitting statement: the answer rows in the same batch are written only for this token.
  submit_token  TEXT,
  started_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  submitted_at  INTEGER,
  -- When tags and rewards were all applied; NULL = cron retries (see applyDueSurveyEffects).
  effects_done_at INTEGER
);
CREATE UNIQUE INDEX survey_responses_seq_idx ON survey_responses (survey_id, line_user_id, seq);
-- At most one response in progress per friend and survey: two tabs resume the same one.
CREATE UNIQUE INDEX survey_responses_open_idx ON survey_responses (survey_id, line_user_id) WHERE status = 'in_progress';
CREATE INDEX survey_responses_user_idx ON survey_responses (line_user_id, submitted_at);
CREATE INDEX survey_responses_results_idx ON survey_responses (survey_id, status, submitted_at);
CREATE INDEX survey_responses_effects_idx ON survey_responses (submitted_at) WHERE status = 'submitted' AND effects_done_at IS NULL;

-- One row per answered question of a submitted response (segments and KPIs query these).
CREATE TABLE survey_answers (
  response_id  TEXT NOT NULL REFERENCES survey_responses (id),
  survey_id    TEXT NOT NULL,
  question_id  TEXT NOT NULL,
  line_user_id TEXT NOT NULL,
  -- JSON: "optionId" | ["optionId", …] | number | "text" | "YYYY-MM-DD"
  value        TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (response_id, question_id)
);
CREATE INDEX survey_answers_question_idx ON survey_answers (survey_id, question_id);

-- What a response earned. Keyed per friend and survey, not per response: answering again (when allowed)
-- earns nothing twice. `reward_key` is `<questionId>:<optionId>` or `completion`.
CREATE TABLE survey_rewards (
  survey_id    TEXT NOT NULL,
  line_user_id TEXT NOT NULL,
  reward_key   TEXT NOT NULL,
  response_id  TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('coupon', 'points')),
  coupon_id    TEXT,
  points       INTEGER,
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'unavailable')),
  -- Coupon grant id or ledger entry id once granted; the reason when unavailable.
  result       TEXT,
  created_at   INTEGER NOT NULL,
  done_at      INTEGER,
  PRIMARY KEY (survey_id, line_user_id, reward_key)
);
CREATE INDEX survey_rewards_response_idx ON survey_rewards (response_id);
