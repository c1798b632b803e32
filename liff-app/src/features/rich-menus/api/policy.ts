import type { RichMenuPolicy } from "@enishi/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";
import { richMenuKeys } from "./menus.ts";

const rm = client.api.admin["rich-menus"];
const getPolicy = () => rm.policy.$get();
export type PolicyView = OkBody<Awaited<ReturnType<typeof getPolicy>>>;
export type PolicyChoices = PolicyView["choices"];

/** GET /api/admin/rich-menus/policy — the rules, default, version, and the tags/ranks/stores to choose from. */
export function usePolicy() {
  return useQuery({ queryKey: richMenuKeys.policy(), queryFn: () => readJson(getPolicy()) });
}

/** PUT — optimistic: `version` is the one loaded; 409 when someone saved first. Starts a reconcile. */
export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RichMenuPolicy & { version: number }) => readJson(rm.policy.$put({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: richMenuKeys.all }),
  });
}
