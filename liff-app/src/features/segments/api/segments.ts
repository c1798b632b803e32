import type { SegmentFilter, SegmentInput } from "@enishi/shared/segments/index";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

/** Query keys of the segments feature; mutations invalidate by these. */
export const segmentKeys = {
  all: ["segments"] as const,
  list: () => ["segments", "list"] as const,
  detail: (id: string) => ["segments", "detail", id] as const,
  options: () => ["segments", "options"] as const,
  preview: (filter: SegmentFilter) => ["segments", "preview", JSON.stringify(filter)] as const,
};

const getOptions = () => client.api.admin.segments.options.$get();
export type SegmentOptions = OkBody<Awaited<ReturnType<typeof getOptions>>>;

export function useSegments() {
  return useQuery({ queryKey: segmentKeys.list(), queryFn: () => readJson(client.api.admin.segments.$get()) });
}

export function useSegment(id: string | null) {
  return useQuery({
    queryKey: segmentKeys.detail(id ?? "new"),
    queryFn: () => readJson(client.api.admin.segments[":id"].$get({ param: { id: id ?? "" } })),
    enabled: id !== null,
  });
}

/** What conditions can name: tags, stores, ranks, coupons, surveys, tracked links. */
export function useSegmentOptions() {
  return useQuery({ queryKey: segmentKeys.options(), queryFn: () => readJson(getOptions()), staleTime: 60_000 });
}

/** Live count + a few members for the filter being edited; the previous answer stays while the next loads. */
export function useSegmentPreview(filter: SegmentFilter, enabled: boolean) {
  return useQuery({
    queryKey: segmentKeys.preview(filter),
    queryFn: () => readJson(client.api.admin.segments.preview.$post({ json: { filter, limit: 10 } })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: false,
  });
}

export function useSaveSegment(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SegmentInput) =>
      id === null
        ? readJson(client.api.admin.segments.$post({ json: input }))
        : readJson(client.api.admin.segments[":id"].$put({ param: { id }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}

export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => readJson(client.api.admin.segments[":id"].$delete({ param: { id } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}
