import type { SurveyAnswers } from "@enishi/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";
import { surveyKeys } from "./keys.ts";

const getSurvey = (id: string) => client.api.surveys[":id"].$get({ param: { id } });
export type FriendSurvey = OkBody<Awaited<ReturnType<typeof getSurvey>>>;
export type SurveyForm = FriendSurvey["form"];
export type FormQuestionView = SurveyForm["questions"][number];

/** GET /api/surveys — open surveys and where this customer stands in each. */
export function useMySurveys() {
  return useQuery({ queryKey: surveyKeys.mine(), queryFn: () => readJson(client.api.surveys.$get()) });
}

/** GET /api/surveys/:id — the form and the saved progress (a reload resumes from it). */
export function useSurvey(surveyId: string) {
  return useQuery({
    queryKey: surveyKeys.detail(surveyId),
    queryFn: () => readJson(getSurvey(surveyId)),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** PUT /api/surveys/:id/progress — answers so far and the question on screen. */
export function useSaveProgress(surveyId: string) {
  return useMutation({
    mutationFn: (input: { answers: SurveyAnswers; questionId: string | null }) =>
      readJson(client.api.surveys[":id"].progress.$put({ param: { id: surveyId }, json: input })),
  });
}

/** POST /api/surveys/:id/responses — the final answers; answers with the thanks and rewards. */
export function useSubmitSurvey(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: SurveyAnswers) =>
      readJson(client.api.surveys[":id"].responses.$post({ param: { id: surveyId }, json: { answers } })),
    // A reward coupon appears in the coupon list.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: surveyKeys.mine() }),
        queryClient.invalidateQueries({ queryKey: ["coupons"] }),
      ]),
  });
}
