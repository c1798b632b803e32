import type { SurveyInput } from "@enishi/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, client, type OkBody, readJson } from "../../../lib/api.ts";
import { getIdToken } from "../../../lib/liff.ts";
import { surveyKeys } from "./keys.ts";

const listSurveys = () => client.api.admin.surveys.$get();
export type AdminSurvey = OkBody<Awaited<ReturnType<typeof listSurveys>>>["surveys"][number];
const getResults = (id: string) => client.api.admin.surveys[":id"].results.$get({ param: { id } });
export type SurveyResultsBody = OkBody<Awaited<ReturnType<typeof getResults>>>;

export function useAdminSurveys() {
  return useQuery({ queryKey: surveyKeys.admin(), queryFn: () => readJson(listSurveys()) });
}

export function useAdminSurvey(surveyId: string | null) {
  return useQuery({
    queryKey: surveyKeys.adminDetail(surveyId ?? "new"),
    queryFn: () => readJson(client.api.admin.surveys[":id"].$get({ param: { id: surveyId ?? "" } })),
    enabled: surveyId !== null,
  });
}

export function useSaveSurvey(surveyId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SurveyInput) =>
      surveyId === null
        ? readJson(client.api.admin.surveys.$post({ json: input }))
        : readJson(client.api.admin.surveys[":id"].$put({ param: { id: surveyId }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.admin() }),
  });
}

export function useSurveyResults(surveyId: string) {
  return useQuery({ queryKey: surveyKeys.results(surveyId), queryFn: () => readJson(getResults(surveyId)) });
}

/** Coupons a reward can name (the admin coupon list, under this feature's own key). */
export function useRewardCoupons() {
  return useQuery({ queryKey: [...surveyKeys.admin(), "coupons"], queryFn: () => readJson(client.api.admin.coupons.$get()) });
}

/**
 * Downloads the CSV. A plain link cannot carry the ID token, so fetch it and hand the browser a blob.
 */
export async function downloadSurveyCsv(surveyId: string): Promise<void> {
  const url = client.api.admin.surveys[":id"]["export.csv"].$url({ param: { id: surveyId } });
  const response = await fetch(url, { headers: { authorization: `Bearer ${await getIdToken({ forceRefresh: false })}` } });
  if (!response.ok) throw new ApiError(response.status, response.status === 404 ? "not_found" : "unexpected", `HTTP ${response.status}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "survey.csv";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
