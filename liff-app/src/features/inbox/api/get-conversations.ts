import { queryOptions, useQuery } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";
import { inboxKeys } from "./keys.ts";

export type ConversationFilter = "all" | "waiting" | "staff" | "bot";

const getConversations = (state: ConversationFilter) => client.api.staff.conversations.$get({ query: { state } });
export type ConversationsBody = OkBody<Awaited<ReturnType<typeof getConversations>>>;
export type ConversationSummary = ConversationsBody["conversations"][number];

/**
 * GET /api/staff/conversations?state= — newest first, or longest waiting first for a state; kept fresh by
 * the live socket rather than polling.
 */
export function conversationsQueryOptions(state: ConversationFilter) {
  return queryOptions({
    queryKey: inboxKeys.conversationList(state),
    queryFn: () => readJson(getConversations(state)),
  });
}

export function useConversations(state: ConversationFilter = "all") {
  return useQuery(conversationsQueryOptions(state));
}
