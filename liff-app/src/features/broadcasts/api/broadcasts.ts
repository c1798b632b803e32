import type { CreateBroadcastInput, EstimateBroadcastInput } from "@enishi/shared/broadcasts/index";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

export const broadcastKeys = {
  all: ["broadcasts"] as const,
  list: () => ["broadcasts", "list"] as const,
  detail: (id: string) => ["broadcasts", "detail", id] as const,
  batches: (id: string) => ["broadcasts", "batches", id] as const,
  audiences: () => ["broadcasts", "audiences"] as const,
};

const getBroadcast = (id: string) => client.api.admin.broadcasts[":id"].$get({ param: { id } });
export type Broadcast = OkBody<Awaited<ReturnType<typeof getBroadcast>>>;
const RUNNING = new Set(["scheduled", "sending", "paused"]);

export function useBroadcasts() {
  return useQuery({
    queryKey: broadcastKeys.list(),
    queryFn: () => readJson(client.api.admin.broadcasts.$get()),
    refetchInterval: (query) => (query.state.data?.broadcasts.some((b) => RUNNING.has(b.status)) ? 5000 : false),
  });
}

/** A broadcast, refreshed every 2 s while it can still change. */
export function useBroadcast(id: string) {
  return useQuery({
    queryKey: broadcastKeys.detail(id),
    queryFn: () => readJson(getBroadcast(id)),
    refetchInterval: (query) => (query.state.data && RUNNING.has(query.state.data.status) ? 2000 : false),
  });
}

/** Per-batch status, 50 at a time. */
export function useBroadcastBatches(id: string, live: boolean) {
  return useInfiniteQuery({
    queryKey: broadcastKeys.batches(id),
    initialPageParam: -1,
    queryFn: ({ pageParam }) =>
      readJson(client.api.admin.broadcasts[":id"].batches.$get({ param: { id }, query: { after: String(pageParam), limit: "50" } })),
    getNextPageParam: (last) => last.next ?? undefined,
    refetchInterval: live ? 3000 : false,
  });
}

/** Segments to send to, and coupons a coupon card can show. */
export function useAudienceChoices() {
  return useQuery({
    queryKey: broadcastKeys.audiences(),
    queryFn: async () => {
      const [segments, options] = await Promise.all([
        readJson(client.api.admin.segments.$get()),
        readJson(client.api.admin.segments.options.$get()),
      ]);
      return { segments: segments.segments, coupons: options.coupons.filter((c) => c.status === "active") };
    },
    staleTime: 30_000,
  });
}

export function useEstimate() {
  return useMutation({
    mutationFn: (input: EstimateBroadcastInput) => readJson(client.api.admin.broadcasts.estimate.$post({ json: input })),
  });
}

export function useCreateBroadcast() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateBroadcastInput) => readJson(client.api.admin.broadcasts.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: broadcastKeys.list() }),
  });
}

export function useBroadcastAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: "cancel" | "resume") =>
      readJson(
        action === "cancel"
          ? client.api.admin.broadcasts[":id"].cancel.$post({ param: { id } })
          : client.api.admin.broadcasts[":id"].resume.$post({ param: { id } }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(broadcastKeys.detail(id), data);
      void queryClient.invalidateQueries({ queryKey: broadcastKeys.all });
    },
  });
}
