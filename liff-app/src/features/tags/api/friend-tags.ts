import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";
import { tagKeys } from "./tags.ts";

const friends = client.api.staff.friends;
const getFriendTags = (userId: string) => friends[":userId"].tags.$get({ param: { userId } });
export type FriendTags = OkBody<Awaited<ReturnType<typeof getFriendTags>>>;

/** GET /api/staff/friends/:userId/tags — the friend's tags and their history (who, what source, when). */
export function useFriendTags(userId: string) {
  return useQuery({ queryKey: tagKeys.friend(userId), queryFn: () => readJson(getFriendTags(userId)) });
}

function useInvalidateFriend(userId: string) {
  const queryClient = useQueryClient();
  // The menu policy reads tags: the friend's menu explanation changes with them.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: tagKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["admin", "rich-menus", "friend", userId] }),
    ]);
}

export function useAddFriendTag(userId: string) {
  const invalidate = useInvalidateFriend(userId);
  return useMutation({
    mutationFn: (tag: string) => readJson(friends[":userId"].tags.$post({ param: { userId }, json: { tag } })),
    onSuccess: invalidate,
  });
}

export function useRemoveFriendTag(userId: string) {
  const invalidate = useInvalidateFriend(userId);
  return useMutation({
    mutationFn: (tagId: string) => readJson(friends[":userId"].tags[":tagId"].$delete({ param: { userId, tagId } })),
    onSuccess: invalidate,
  });
}
