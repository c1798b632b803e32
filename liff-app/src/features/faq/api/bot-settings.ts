import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

const settingsKey = ["bot-settings"] as const;
const cannedKey = ["inbox", "canned-replies"] as const;
const getSettings = () => client.api.admin["bot-settings"].$get();
export type BotSettingsBody = OkBody<Awaited<ReturnType<typeof getSettings>>>;
export type BotSettings = BotSettingsBody["settings"];
export type BusinessHours = BotSettings["businessHours"];

export function useBotSettings() {
  return useQuery(queryOptions({ queryKey: settingsKey, queryFn: () => readJson(getSettings()) }));
}

export function useSaveBotSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { businessHours: BusinessHours; releaseAfterHours: number; notifyStaffByLine: boolean }) =>
      readJson(client.api.admin["bot-settings"].$put({ json: input })),
    onSuccess: (data) => queryClient.setQueryData(settingsKey, data),
  });
}

const getCanned = () => client.api.staff["canned-replies"].$get();
export type CannedReply = OkBody<Awaited<ReturnType<typeof getCanned>>>["cannedReplies"][number];

/** The same list the reply box offers (the staff endpoint); admins write it. */
export function useCannedRepliesAdmin() {
  return useQuery(queryOptions({ queryKey: cannedKey, queryFn: () => readJson(getCanned()) }));
}

export function useSaveCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id?: string; title: string; body: string; position: number }) =>
      id
        ? readJson(client.api.admin["canned-replies"][":id"].$put({ param: { id }, json: input }))
        : readJson(client.api.admin["canned-replies"].$post({ json: input })),
    onSuccess: (data) => queryClient.setQueryData(cannedKey, data),
  });
}

export function useDeleteCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => readJson(client.api.admin["canned-replies"][":id"].$delete({ param: { id } })),
    onSuccess: (data) => queryClient.setQueryData(cannedKey, data),
  });
}
