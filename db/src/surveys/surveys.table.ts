import type { Insertable, Selectable } from "kysely";

/** A form (db/migrations/0005_surveys.sql); `definition` is JSON parsed with SurveyDefinitionSchema. */
export interface SurveysTable {
  id: string;
  title: string;
  description: string;
  definition: string;
  allow_multiple: 0 | 1;
  status: "draft" | "open" | "closed";
  created_by: string | null;
  created_at: number;
  updated_at: number;
}
export type SurveyRow = Selectable<SurveysTable>;
export type NewSurveyRow = Insertable<SurveysTable>;

export interface SurveyResponsesTable {
  id: string;
  survey_id: string;
  line_user_id: string;
  seq: number;
  status: "in_progress" | "submitted";
  /** JSON object: question id → value. */
  answers: string;
  current_question: string | null;
  submit_token: string | null;
  started_at: number;
  updated_at: number;
  submitted_at: number | null;
  effects_done_at: number | null;
}
export type SurveyResponseRow = Selectable<SurveyResponsesTable>;

export interface SurveyAnswersTable {
  response_id: string;
  survey_id: string;
  question_id: string;
  line_user_id: string;
  /** JSON value. */
  value: string;
  created_at: number;
}

export type SurveyRewardStatus = "pending" | "granted" | "unavailable";

export interface SurveyRewardsTable {
  survey_id: string;
  line_user_id: string;
  reward_key: string;
  response_id: string;
  kind: "coupon" | "points";
  coupon_id: string | null;
  points: number | null;
  status: SurveyRewardStatus;
  result: string | null;
  created_at: number;
  done_at: number | null;
}
export type SurveyRewardRow = Selectable<SurveyRewardsTable>;
