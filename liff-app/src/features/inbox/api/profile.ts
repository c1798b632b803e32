import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";
import { inboxKeys } from "./keys.ts";

const chat = client.api.staff.conversations[":userId"];
const getProfile = (userId: string) => chat.profile.$get({ param: { userId } });
export type FriendProfile = OkBody<Awaited<ReturnType<typeof getProfile>>>;

/** GET …/profile — tags, membership, coupons, survey answers and notes beside the chat. */
export function profileQueryOptions(userId: string) {
  return queryOptions({ queryKey: inboxKeys.profile(userId), queryFn: () => readJson(getProfile(userId)) });
}

export function useProfile(userId: string) {
  return useQuery(profileQueryOptions(userId));
}

export function useAddNote(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => readJson(chat.notes.$post({ param: { userId }, json: { body } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.profile(userId) }),
  });
}

export function useDeleteNote(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (noteId: number) => readJson(chat.notes[":noteId"].$delete({ param: { userId, noteId: String(noteId) } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.profile(userId) }),
  });
}
