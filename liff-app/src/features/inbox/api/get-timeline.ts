import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";
import { inboxKeys } from "./keys.ts";

const PAGE_SIZE = 50;

const getTimelinePage = (userId: string, before: number | undefined) =>
  client.api.staff.conversations[":userId"].messages.$get({
    param: { userId },
    query: before === undefined ? { limit: String(PAGE_SIZE) } : { limit: String(PAGE_SIZE), before: String(before) },
  });

export type TimelinePage = OkBody<Awaited<ReturnType<typeof getTimelinePage>>>;
export type TimelineMessage = TimelinePage["messages"][number];
export type TimelineFriend = TimelinePage["friend"];

/**
 * GET /api/staff/conversations/:userId/messages — pages of 50, newest page first; `before` is the oldest
 * message ID already shown, so older history loads on demand.
 */
export function timelineQueryOptions(userId: string) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.timeline(userId),
    queryFn: ({ pageParam }) => readJson(getTimelinePage(userId, pageParam)),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.messages.length < PAGE_SIZE ? undefined : page.messages[0]?.id),
  });
}

export function useTimeline(userId: string) {
  return useInfiniteQuery(timelineQueryOptions(userId));
}
