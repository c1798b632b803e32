/** One follow or block (migration 0013): the history friends' latest-only columns cannot keep. */
export interface FriendEventsTable {
  line_user_id: string;
  type: "follow" | "unfollow";
  at: number;
}
