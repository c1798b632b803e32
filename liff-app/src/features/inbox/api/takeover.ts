import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, client, readJson } from "../../../lib/api.ts";
import { inboxKeys } from "./keys.ts";

export interface Holder {
  userId: string;
  name: string | null;
}

/** The member of staff named in a 409 (someone else holds the chat), if that is what went wrong. */
export function holderOf(error: unknown): Holder | null {
  if (!(error instanceof ApiError) || error.code !== "conflict") return null;
  const details = error.details;
  if (typeof details !== "object" || details === null || !("holder" in details)) return null;
  const holder = details.holder;
  if (typeof holder !== "object" || holder === null || !("userId" in holder) || typeof holder.userId !== "string") return null;
  return { userId: holder.userId, name: "name" in holder && typeof holder.name === "string" ? holder.name : null };
}

function useChatMutation<I>(userId: string, run: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inboxKeys.timeline(userId) }),
        queryClient.invalidateQueries({ queryKey: inboxKeys.conversations() }),
      ]),
  });
}

const chat = client.api.staff.conversations[":userId"];

/** POST …/take — 409 names who holds the chat unless `force` (take it over). */
export function useTakeChat(userId: string) {
  return useChatMutation(userId, ({ force }: { force: boolean }) => readJson(chat.take.$post({ param: { userId }, json: { force } })));
}

/** POST …/assign — to any member of staff, explicitly. */
export function useAssignChat(userId: string) {
  return useChatMutation(userId, ({ staffUserId }: { staffUserId: string }) =>
    readJson(chat.assign.$post({ param: { userId }, json: { staffUserId } })),
  );
}

/** POST …/resolve — back to the bot. */
export function useResolveChat(userId: string) {
  return useChatMutation(userId, ({ force }: { force: boolean }) => readJson(chat.resolve.$post({ param: { userId }, json: { force } })));
}

/** POST …/read — staff opened the chat: LINE shows the customer "既読". */
export function useMarkRead(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => readJson(chat.read.$post({ param: { userId } })),
    onSuccess: (result) => {
      if (result.marked) void queryClient.invalidateQueries({ queryKey: inboxKeys.conversations() });
    },
  });
}
