import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

const tags = client.api.admin.tags;
const listTags = (archived: boolean) => tags.$get({ query: { archived: archived ? "1" : "0" } });
export type TagAdmin = OkBody<Awaited<ReturnType<typeof listTags>>>;
export type TagItem = TagAdmin["tags"][number];
export type TagGroup = TagAdmin["groups"][number];

export const tagKeys = {
  all: ["tags"] as const,
  admin: (archived: boolean) => ["tags", "admin", archived] as const,
  friend: (userId: string) => ["tags", "friend", userId] as const,
};

/** GET /api/admin/tags — groups, and tags with how many friends have each. */
export function useTagAdmin(archived: boolean) {
  return useQuery({ queryKey: tagKeys.admin(archived), queryFn: () => readJson(listTags(archived)) });
}

function useInvalidateTags() {
  const queryClient = useQueryClient();
  // Tags feed the rich-menu rule editor too.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: tagKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["admin", "rich-menus"] }),
    ]);
}

export function useCreateTag() {
  const invalidate = useInvalidateTags();
  return useMutation({
    mutationFn: (input: { name: string; groupId: string | null; color: string | null }) => readJson(tags.$post({ json: input })),
    onSuccess: invalidate,
  });
}

export function useEditTag() {
  const invalidate = useInvalidateTags();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; name?: string; groupId?: string | null; color?: string | null; archived?: boolean }) =>
      readJson(tags[":id"].$patch({ param: { id }, json: patch })),
    onSuccess: invalidate,
  });
}

export function useCreateGroup() {
  const invalidate = useInvalidateTags();
  return useMutation({
    mutationFn: (input: { name: string; color: string }) => readJson(tags.groups.$post({ json: input })),
    onSuccess: invalidate,
  });
}

export function useEditGroup() {
  const invalidate = useInvalidateTags();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; name?: string; color?: string; position?: number }) =>
      readJson(tags.groups[":id"].$patch({ param: { id }, json: patch })),
    onSuccess: invalidate,
  });
}

export function useDeleteGroup() {
  const invalidate = useInvalidateTags();
  return useMutation({ mutationFn: (id: string) => readJson(tags.groups[":id"].$delete({ param: { id } })), onSuccess: invalidate });
}
