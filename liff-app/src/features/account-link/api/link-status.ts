import type { LinkMemberInput } from "@enishi/shared";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

const getStatus = () => client.api["account-link"].$get();
export type LinkStatus = OkBody<Awaited<ReturnType<typeof getStatus>>>;

/** GET /api/account-link — whether this LINE account is joined to a member record. */
export const linkStatusQueryOptions = queryOptions({
  queryKey: ["account-link"],
  queryFn: () => readJson(getStatus()),
  staleTime: 30_000,
});

export function useLinkStatus() {
  return useQuery(linkStatusQueryOptions);
}

/**
 * Linking or unlinking changes what most customer screens show (card, points, rank, coupons): everything
 * cached is refetched, not just the link status.
 */
function useRefreshAll() {
  const queryClient = useQueryClient();
  return (status: LinkStatus) => {
    queryClient.setQueryData(linkStatusQueryOptions.queryKey, status);
    return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "account-link" });
  };
}

/** POST /api/account-link — member number + birthday or phone's last 4 digits. */
export function useLinkMember() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: LinkMemberInput) => readJson(client.api["account-link"].$post({ json: input })),
    onSuccess: refresh,
  });
}

/** DELETE /api/account-link — unlinking twice is harmless. */
export function useUnlinkMember() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: () => readJson(client.api["account-link"].$delete()),
    onSuccess: refresh,
  });
}
