import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { client, readJson } from "../../../lib/api.ts";
import { inboxKeys } from "./keys.ts";

/** GET /api/staff/canned-replies — offered in the reply box. */
export function useCannedReplies() {
  return useQuery(
    queryOptions({
      queryKey: inboxKeys.cannedReplies(),
      queryFn: () => readJson(client.api.staff["canned-replies"].$get()),
      staleTime: 5 * 60_000,
    }),
  );
}

/** GET /api/staff/team — who a chat can be assigned to. */
export function useTeam() {
  return useQuery(
    queryOptions({ queryKey: inboxKeys.team(), queryFn: () => readJson(client.api.staff.team.$get()), staleTime: 5 * 60_000 }),
  );
}

/** GET /api/staff/faq — the questions a customer's message can be attached to; loaded when the form opens. */
export function useFaqQuestions(enabled: boolean) {
  return useQuery(
    queryOptions({ queryKey: inboxKeys.faqQuestions(), queryFn: () => readJson(client.api.staff.faq.$get()), staleTime: 60_000, enabled }),
  );
}

export type LearnInput = { messageId: number; entryId: string } | { messageId: number; newEntry: { question: string; answer: string } };

/** POST …/learn — attach a customer's question to an FAQ entry (or a new one), pending review. */
export function useLearn(userId: string) {
  return useMutation({
    mutationFn: (input: LearnInput) => readJson(client.api.staff.conversations[":userId"].learn.$post({ param: { userId }, json: input })),
  });
}
