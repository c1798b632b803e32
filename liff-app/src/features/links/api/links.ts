import type { TrackedLinkInput } from "@enishi/shared/links/index";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, readJson } from "../../../lib/api.ts";

export const linkKeys = {
  all: ["links"] as const,
  list: () => ["links", "list"] as const,
};

/** Tracked links with click counts (also the segment editor's "clicked a link" picker). */
export function useLinks() {
  return useQuery({ queryKey: linkKeys.list(), queryFn: () => readJson(client.api.admin.links.$get()), staleTime: 30_000 });
}

export function useCreateLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TrackedLinkInput) => readJson(client.api.admin.links.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linkKeys.all }),
  });
}

export function useDeleteLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => readJson(client.api.admin.links[":id"].$delete({ param: { id } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linkKeys.all }),
  });
}
