import type { CompiledQuery, Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../database.ts";
import type { SurveyResponseRow, SurveyRewardRow, SurveyRewardStatus } from "./surveys.table.ts";

export function findInProgress(db: Kysely<Database>, surveyId: string, lineUserId: string): Promise<SurveyResponseRow | undefined> {
  return db
    .selectFrom("survey_responses")
    .selectAll()
    .where("survey_id", "=", surveyId)
    .where("line_user_id", "=", lineUserId)
    .where("status", "=", "in_progress")
    .executeTakeFirst();
}

export function findResponse(db: Kysely<Database>, id: string): Promise<SurveyResponseRow | undefined> {
  return db.selectFrom("survey_responses").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findResponsesOfFriend(db: Kysely<Database>, surveyId: string, lineUserId: string): Promise<SurveyResponseRow[]> {
  return db
    .selectFrom("survey_responses")
    .selectAll()
    .where("survey_id", "=", surveyId)
    .where("line_user_id", "=", lineUserId)
    .orderBy("seq")
    .execute();
}

/** All of one friend's responses to any of these surveys (the customer's survey list), in one query. */
export function findResponsesOfFriendToSurveys(
  db: Kysely<Database>,
  surveyIds: readonly string[],
  lineUserId: string,
): Promise<SurveyResponseRow[]> {
  if (surveyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("survey_responses")
    .selectAll()
    .where("line_user_id", "=", lineUserId)
    .where("survey_id", "in", surveyIds)
    .orderBy("seq")
    .execute();
}

/**
 * Starts the friend's response if they have none in progress and may answer (the survey is open, and it
 * allows more than one response or they have not submitted one). One statement: the partial unique index
 * on in-progress rows makes a racing second start an ignored row.
 */
export async function startResponse(
  db: Kysely<Database>,
  r: { id: string; surveyId: string; lineUserId: string; now: number },
): Promise<void> {
  await sql`
    INSERT OR IGNORE INTO survey_responses (id, survey_id, line_user_id, seq, status, answers, started_at, updated_at)
    SELECT ${r.id}, s.id, ${r.lineUserId},
      COALESCE((SELECT MAX(x.seq) FROM survey_responses x WHERE x.survey_id = s.id AND x.line_user_id = ${r.lineUserId}), 0) + 1,
      'in_progress', '{}', ${r.now}, ${r.now}
    FROM surveys s
    WHERE s.id = ${r.surveyId} AND s.status = 'open'
      AND (s.allow_multiple = 1 OR NOT EXISTS (
        SELECT 1 FROM survey_responses x WHERE x.survey_id = s.id AND x.line_user_id = ${r.lineUserId} AND x.status = 'submitted'))
  `.execute(db);
}

/** Saves progress; a response submitted meanwhile (another tab) is left alone. */
export async function saveProgress(
  db: Kysely<Database>,
  p: { id: string; answers: string; currentQuestion: string | null; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable("survey_responses")
    .set({ answers: p.answers, current_question: p.currentQuestion, updated_at: p.now })
    .where("id", "=", p.id)
    .where("status", "=", "in_progress")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface Submission {
  responseId: string;
  surveyId: string;
  lineUserId: string;
  token: string;
  answers: Record<string, unknown>;
  rewards: { key: string; kind: "coupon" | "points"; couponId: string | null; points: number | null }[];
  now: number;
}

/**
 * The submission as one D1 batch: the response flips to submitted only while in progress (setting this
 * attempt's token), and every answer and reward row is written only if the response carries that token.
 * A double submit therefore writes nothing the second time; rewards already earned by an earlier response
 * of the same friend (INSERT OR IGNORE on the per-friend key) are not earned again.
 */
export function submissionQueries(db: Kysely<Database>, s: Submission): CompiledQuery[] {
  const won = sql`EXISTS (SELECT 1 FROM survey_responses r WHERE r.id = ${s.responseId} AND r.submit_token = ${s.token})`;
  const flip = db
    .updateTable("survey_responses")
    .set({
      status: "submitted",
      answers: JSON.stringify(s.answers),
      submit_token: s.token,
      submitted_at: s.now,
      updated_at: s.now,
      current_question: null,
    })
    .where("id", "=", s.responseId)
    .where("status", "=", "in_progress")
    .compile();
  const answers = Object.entries(s.answers).map(([questionId, value]) =>
    sql`
      INSERT INTO survey_answers (response_id, survey_id, question_id, line_user_id, value, created_at)
      SELECT ${s.responseId}, ${s.surveyId}, ${questionId}, ${s.lineUserId}, ${JSON.stringify(value)}, ${s.now} WHERE ${won}
    `.compile(db),
  );
  const rewards = s.rewards.map((r) =>
    sql`
      INSERT OR IGNORE INTO survey_rewards (survey_id, line_user_id, reward_key, response_id, kind, coupon_id, points, status, created_at)
      SELECT ${s.surveyId}, ${s.lineUserId}, ${r.key}, ${s.responseId}, ${r.kind}, ${r.couponId}, ${r.points}, 'pending', ${s.now} WHERE ${won}
    `.compile(db),
  );
  return [flip, ...answers, ...rewards];
}

export function findRewardsOfResponse(db: Kysely<Database>, responseId: string): Promise<SurveyRewardRow[]> {
  return db.selectFrom("survey_rewards").selectAll().where("response_id", "=", responseId).execute();
}

/** Records a reward's outcome once (pending → granted/unavailable). */
export async function finishReward(
  db: Kysely<Database>,
  r: {
    surveyId: string;
    lineUserId: string;
    key: string;
    status: Exclude<SurveyRewardStatus, "pending">;
    result: string | null;
    now: number;
  },
): Promise<void> {
  await db
    .updateTable("survey_rewards")
    .set({ status: r.status, result: r.result, done_at: r.now })
    .where("survey_id", "=", r.surveyId)
    .where("line_user_id", "=", r.lineUserId)
    .where("reward_key", "=", r.key)
    .where("status", "=", "pending")
    .execute();
}

export async function markEffectsDone(db: Kysely<Database>, responseId: string, now: number): Promise<void> {
  await db
    .updateTable("survey_responses")
    .set({ effects_done_at: now })
    .where("id", "=", responseId)
    .where("effects_done_at", "is", null)
    .execute();
}

/** Submitted responses whose tags or rewards were not all applied (a crash, a LINE or D1 hiccup). */
export function findResponsesWithPendingEffects(
  db: Kysely<Database>,
  submittedBefore: number,
  limit: number,
): Promise<SurveyResponseRow[]> {
  return db
    .selectFrom("survey_responses")
    .selectAll()
    .where("status", "=", "submitted")
    .where("effects_done_at", "is", null)
    .where("submitted_at", "<", submittedBefore)
    .orderBy("submitted_at")
    .limit(limit)
    .execute();
}

export interface SubmittedResponse extends SurveyResponseRow {
  display_name: string | null;
}

/** Submitted responses of a survey, oldest first, with the friend's name (results and CSV). */
export function findSubmittedResponses(db: Kysely<Database>, surveyId: string, limit: number): Promise<SubmittedResponse[]> {
  return db
    .selectFrom("survey_responses as r")
    .leftJoin("friends as f", "f.line_user_id", "r.line_user_id")
    .selectAll("r")
    .select("f.display_name")
    .where("r.survey_id", "=", surveyId)
    .where("r.status", "=", "submitted")
    .orderBy("r.submitted_at")
    .limit(limit)
    .execute();
}

/** A friend's submitted responses across surveys, newest first (their profile). */
export function findSubmittedResponsesOfUser(db: Kysely<Database>, lineUserId: string, limit: number): Promise<SurveyResponseRow[]> {
  return db
    .selectFrom("survey_responses")
    .selectAll()
    .where("line_user_id", "=", lineUserId)
    .where("status", "=", "submitted")
    .orderBy("submitted_at", "desc")
    .limit(limit)
    .execute();
}

export function findRewardsOfUser(db: Kysely<Database>, lineUserId: string): Promise<SurveyRewardRow[]> {
  return db.selectFrom("survey_rewards").selectAll().where("line_user_id", "=", lineUserId).execute();
}
