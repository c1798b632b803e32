import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";
import { richMenuKeys } from "./menus.ts";

const rm = client.api.admin["rich-menus"];
const explain = (userId: string) => rm.friends[":userId"].$get({ param: { userId } });
export type FriendMenu = OkBody<Awaited<ReturnType<typeof explain>>>;

/** Friends by name or exact ID, for the "preview as" picker. */
export function useFriendSearch(q: string) {
  return useQuery({
    queryKey: richMenuKeys.friends(q),
    queryFn: () => readJson(rm.friends.$get({ query: { q } })),
    placeholderData: keepPreviousData,
  });
}

/** Which rule chooses this friend's menu, what LINE shows them now, and the menu to preview. */
export function useFriendMenu(userId: string | null) {
  return useQuery({
    queryKey: richMenuKeys.friend(userId ?? ""),
    enabled: userId !== null,
    queryFn: () => readJson(explain(userId ?? "")),
    // A tag change is applied through the queue: look again shortly after.
    refetchInterval: (query) => (query.state.data && !query.state.data.inSync ? 1500 : false),
  });
}
