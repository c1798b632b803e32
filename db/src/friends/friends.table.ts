import type { Insertable, Selectable, Updateable } from "kysely";

export type FriendStatus = "following" | "blocked";

export interface FriendsTable {
  line_user_id: string;
  display_name: string | null;
  picture_url: string | null;
  status_message: string | null;
  language: string | null;
  status: FriendStatus;
  followed_at: number | null;
  unfollowed_at: number | null;
  last_active_at: number | null;
  created_at: number;
  updated_at: number;
}
export type FriendRow = Selectable<FriendsTable>;
export type NewFriendRow = Insertable<FriendsTable>;
export type FriendRowUpdate = Updateable<FriendsTable>;
