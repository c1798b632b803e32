import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, readJson } from "../../../lib/api.ts";

const friends = client.api.admin.friends;

export const personalDataKeys = {
  all: ["personal-data"] as const,
  search: (q: string) => ["personal-data", "search", q] as const,
};

/** Friends by name or exact LINE user ID (the admin's friend search, also behind the rich-menu preview). */
export function useFriendLookup(q: string) {
  return useQuery({
    queryKey: personalDataKeys.search(q),
    queryFn: () => readJson(client.api.admin["rich-menus"].friends.$get({ query: { q } })),
    placeholderData: keepPreviousData,
  });
}

/** Fetches the export and hands it to the browser as a .json download. */
export function useExportPersonalData() {
  return useMutation({
    mutationFn: async (userId: string) => {
      const doc = await readJson(friends[":userId"]["personal-data"].$get({ param: { userId } }));
      const blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `personal-data-${userId}-${doc.exportedAt.slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { sections: Object.values(doc.sections).filter((s) => s.rows.length > 0).length };
    },
  });
}

export function useErasePersonalData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, confirm }: { userId: string; confirm: string }) =>
      readJson(friends[":userId"]["personal-data"].$delete({ param: { userId }, json: { confirm } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personalDataKeys.all }),
  });
}
