import { findRewardsOfUser, findSubmittedResponsesOfUser, findSurvey } from "@enishi/db";
import { surveyAnswerText } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { answersOf, definitionOf } from "./survey-definition.ts";
import { toRewardViews } from "./survey-effects.service.ts";

/**
 * A friend's survey answers for their profile (staff inbox, scanner): each response with questions and
 * answers as people read them (option labels, not ids) and what it earned.
 */
export async function friendSurveyAnswers(deps: Deps, userId: string) {
  const [responses, rewards] = await Promise.all([findSubmittedResponsesOfUser(deps.db, userId, 50), findRewardsOfUser(deps.db, userId)]);
  const surveys = new Map<string, Awaited<ReturnType<typeof findSurvey>>>();
  const out = [];
  for (const response of responses) {
    if (!surveys.has(response.survey_id)) surveys.set(response.survey_id, await findSurvey(deps.db, response.survey_id));
    const survey = surveys.get(response.survey_id);
    if (!survey) continue;
    const definition = definitionOf(survey);
    const answers = answersOf(response.answers);
    out.push({
      responseId: response.id,
      surveyId: survey.id,
      surveyTitle: survey.title,
      submittedAt: response.submitted_at,
      answers: definition.questions
        .filter((q) => answers[q.id] !== undefined)
        .map((q) => ({ questionId: q.id, question: q.title, type: q.type, answer: surveyAnswerText(q, answers[q.id]) })),
      rewards: await toRewardViews(
        deps,
        rewards.filter((r) => r.response_id === response.id),
      ),
    });
  }
  return out;
}
