import type { SurveyResponseRow, SurveyRow } from "@enishi/db";
import {
  findInProgress,
  findOpenSurveys,
  findResponsesOfFriend,
  findResponsesOfFriendToSurveys,
  findSurvey,
  saveProgress,
  startResponse,
  submissionQueries,
} from "@enishi/db";
import type { SurveyAnswers } from "@enishi/shared";
import { surveyAnswerEffects, validateSurveyAnswers } from "@enishi/shared";
import { runBatch } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { triggerScenarios } from "../scenarios/enrolment.service.ts";
import { answersOf, definitionOf, publicDefinition } from "./survey-definition.ts";
import { applySurveyEffects, rewardsOfResponse } from "./survey-effects.service.ts";

export type FriendSurveyStatus = "new" | "in_progress" | "submitted";

const notFound = () => new AppError(404, "not_found", "アンケートが見つかりません / Survey not found");

function alreadyAnswered(): AppError {
  return new AppError(409, "conflict", "このアンケートには回答済みです / You have already answered this survey", {
    reason: "already_answered",
  });
}

/** Drafts do not exist for customers; a closed survey can be looked at (their answers) but not answered. */
async function visibleSurvey(deps: Deps, surveyId: string): Promise<SurveyRow> {
  const survey = await findSurvey(deps.db, surveyId);
  if (!survey || survey.status === "draft") throw notFound();
  return survey;
}

async function friendState(deps: Deps, survey: SurveyRow, userId: string) {
  return stateOf(survey, await findResponsesOfFriend(deps.db, survey.id, userId));
}

/** Where a friend stands in a survey, from their responses to it. */
function stateOf(survey: SurveyRow, responses: readonly SurveyResponseRow[]) {
  const open = responses.find((r) => r.status === "in_progress");
  const submitted = responses.filter((r) => r.status === "submitted").length;
  const status: FriendSurveyStatus = open ? "in_progress" : submitted > 0 ? "submitted" : "new";
  const canAnswer = survey.status === "open" && (open !== undefined || submitted === 0 || survey.allow_multiple === 1);
  return { open, submitted, status, canAnswer };
}

/** Open surveys with where this friend stands in each (the home screen's list). */
export async function listSurveysForFriend(deps: Deps, userId: string) {
  const surveys = await findOpenSurveys(deps.db, 50);
  const responses = await findResponsesOfFriendToSurveys(
    deps.db,
    surveys.map((s) => s.id),
    userId,
  );
  return surveys.map((s) => {
    const { status, canAnswer } = stateOf(
      s,
      responses.filter((r) => r.survey_id === s.id),
    );
    return { id: s.id, title: s.title, description: s.description, status, canAnswer };
  });
}

/** The form and this friend's progress: a reload resumes with their saved answers and question. */
export async function getSurveyForFriend(deps: Deps, userId: string, surveyId: string) {
  const survey = await visibleSurvey(deps, surveyId);
  const { open, submitted, status, canAnswer } = await friendState(deps, survey, userId);
  return {
    survey: {
      id: survey.id,
      title: survey.title,
      description: survey.description,
      allowMultiple: survey.allow_multiple === 1,
      status: survey.status,
    },
    form: publicDefinition(definitionOf(survey)),
    progress: {
      status,
      canAnswer,
      submitted,
      answers: open ? answersOf(open.answers) : {},
      currentQuestion: open?.current_question ?? null,
    },
  };
}

/**
 * Saves answers so far. Types are checked (a bad value is refused, as it would be on submit); the
 * required check waits for the submit. Starts the response on the first save.
 */
export async function saveSurveyProgress(deps: Deps, userId: string, surveyId: string, raw: SurveyAnswers, questionId: string | null) {
  const survey = await visibleSurvey(deps, surveyId);
  if (survey.status !== "open") throw closed();
  const { answers, issues } = validateSurveyAnswers(definitionOf(survey), raw, { partial: true });
  if (issues.length > 0) throw invalid(issues);
  const response = await openResponse(deps, survey, userId);
  await saveProgress(deps.db, { id: response.id, answers: JSON.stringify(answers), currentQuestion: questionId, now: Date.now() });
  return { saved: true, answers };
}

async function openResponse(deps: Deps, survey: SurveyRow, userId: string) {
  await startResponse(deps.db, { id: crypto.randomUUID(), surveyId: survey.id, lineUserId: userId, now: Date.now() });
  const response = await findInProgress(deps.db, survey.id, userId);
  if (!response) throw alreadyAnswered();
  return response;
}

function closed(): AppError {
  return new AppError(409, "conflict", "このアンケートは受付を終了しました / This survey is closed", { reason: "closed" });
}

function invalid(issues: { questionId: string; message: string }[]): AppError {
  const details = issues.map((i) => ({ path: `answers.${i.questionId}`, message: i.message }));
  return new AppError(400, "validation_failed", `${details[0]?.path}: ${details[0]?.message}`, details);
}

/**
 * Submits the friend's answers: checked against the form (required, types, branching), then written in
 * one D1 batch that only one submit can win (see submissionQueries). Tags and rewards follow; if that
 * step fails, the response is kept and cron applies them later — each is idempotent by its key.
 */
export async function submitSurvey(deps: Deps, userId: string, surveyId: string, raw: SurveyAnswers) {
  const survey = await visibleSurvey(deps, surveyId);
  if (survey.status !== "open") throw closed();
  const definition = definitionOf(survey);
  const { answers, issues } = validateSurveyAnswers(definition, raw, { partial: false });
  if (issues.length > 0) throw invalid(issues);
  const response = await openResponse(deps, survey, userId);
  const effects = surveyAnswerEffects(definition, answers);
  const queries = submissionQueries(deps.db, {
    responseId: response.id,
    surveyId: survey.id,
    lineUserId: userId,
    token: crypto.randomUUID(),
    answers,
    rewards: effects.rewards.map(({ key, reward }) => ({
      key,
      kind: reward.kind,
      couponId: reward.kind === "coupon" ? reward.couponId : null,
      points: reward.kind === "points" ? reward.points : null,
    })),
    now: Date.now(),
  });
  const [flip] = await runBatch(deps, queries);
  if (flip?.meta.changes !== 1) throw alreadyAnswered();
  try {
    await applySurveyEffects(deps, response.id);
  } catch (error) {
    console.error(JSON.stringify({ msg: "survey_effects_deferred", responseId: response.id, error: String(error) }));
  }
  try {
    await triggerScenarios(deps, { type: "surveyAnswered", userId, at: Date.now(), ref: survey.id });
  } catch (error) {
    console.error(JSON.stringify({ msg: "survey_scenario_trigger_failed", responseId: response.id, error: String(error) }));
  }
  return { responseId: response.id, thanks: definition.thanks, rewards: await rewardsOfResponse(deps, response.id) };
}
