import { queryOptions, useQuery } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

const getMe = () => client.api.me.$get();
export type Me = OkBody<Awaited<ReturnType<typeof getMe>>>;

/** GET /api/me — the verified caller, their roles and friendship. Refetched when the app regains focus. */
export const meQueryOptions = queryOptions({
  queryKey: ["me"],
  queryFn: () => readJson(getMe()),
  staleTime: 30_000,
});

export function useMe() {
  return useQuery(meQueryOptions);
}
