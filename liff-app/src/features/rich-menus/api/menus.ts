import type { RichMenuInput } from "@enishi/shared";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

const rm = client.api.admin["rich-menus"];
const listMenus = () => rm.$get();
export type MenuList = OkBody<Awaited<ReturnType<typeof listMenus>>>;
export type Menu = MenuList["menus"][number];
export type ReconcileRun = MenuList["runs"][number];

export const richMenuKeys = {
  all: ["admin", "rich-menus"] as const,
  list: () => ["admin", "rich-menus", "list"] as const,
  policy: () => ["admin", "rich-menus", "policy"] as const,
  friend: (userId: string) => ["admin", "rich-menus", "friend", userId] as const,
  friends: (q: string) => ["admin", "rich-menus", "friends", q] as const,
  image: (menuId: string, uploadedAt: number) => ["admin", "rich-menus", "image", menuId, uploadedAt] as const,
};

export const menusQueryOptions = queryOptions({ queryKey: richMenuKeys.list(), queryFn: () => readJson(listMenus()) });

/** GET /api/admin/rich-menus — menus with publish state, and the latest reconcile runs. */
export function useMenus(options: { pollWhileRunning?: boolean } = {}) {
  return useQuery({
    ...menusQueryOptions,
    // While a reconcile runs, its progress is worth watching.
    refetchInterval: (query) => (options.pollWhileRunning && query.state.data?.runs.some((r) => r.status === "running") ? 1500 : false),
  });
}

function useInvalidateMenus() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: richMenuKeys.all });
}

export function useCreateMenu() {
  const invalidate = useInvalidateMenus();
  return useMutation({ mutationFn: (input: RichMenuInput) => readJson(rm.$post({ json: input })), onSuccess: invalidate });
}

export function useUpdateMenu(id: string) {
  const invalidate = useInvalidateMenus();
  return useMutation({
    mutationFn: (input: RichMenuInput & { revision: number }) => readJson(rm[":id"].$put({ param: { id }, json: input })),
    onSuccess: invalidate,
  });
}

export function useUploadImage(id: string) {
  const invalidate = useInvalidateMenus();
  return useMutation({
    mutationFn: (image: File) => readJson(rm[":id"].image.$put({ param: { id }, form: { image } })),
    onSuccess: invalidate,
  });
}

export function usePublishMenu(id: string) {
  const invalidate = useInvalidateMenus();
  return useMutation({ mutationFn: () => readJson(rm[":id"].publish.$post({ param: { id } })), onSuccess: invalidate });
}

export function useDeleteMenu(id: string) {
  const invalidate = useInvalidateMenus();
  return useMutation({ mutationFn: () => readJson(rm[":id"].$delete({ param: { id } })), onSuccess: invalidate });
}

export function useStartReconcile() {
  const invalidate = useInvalidateMenus();
  return useMutation({ mutationFn: () => readJson(rm.reconcile.$post()), onSuccess: invalidate });
}

/**
 * The menu image as an object URL: the image route needs the ID token, which an <img src> cannot send.
 * Keyed by upload time, so a new upload is fetched and an unchanged one comes from the cache.
 */
export function useMenuImage(menuId: string, uploadedAt: number | null | undefined) {
  return useQuery({
    queryKey: richMenuKeys.image(menuId, uploadedAt ?? 0),
    enabled: Boolean(uploadedAt),
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const response = await rm[":id"].image.$get({ param: { id: menuId } });
      if (!response.ok) throw new Error(`image ${response.status}`);
      return URL.createObjectURL(await response.blob());
    },
  });
}
