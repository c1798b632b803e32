import { queryOptions, useQuery } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";
import { inboxKeys } from "./keys.ts";

const getConversations = () => client.api.staff.conversations.$get();
export type ConversationSummary = OkBody<Awaited<ReturnType<typeof getConversations>>>["conversations"][number];

/** GET /api/staff/conversations — newest first; kept fresh by the live socket rather than polling. */
export const conversationsQueryOptions = queryOptions({
  queryKey: inboxKeys.conversations(),
  queryFn: () => readJson(getConversations()),
});

export function useConversations() {
  return useQuery(conversationsQueryOptions);
}
