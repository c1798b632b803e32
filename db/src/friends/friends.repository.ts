import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { FriendRow } from "./friends.table.ts";

export function findFriend(db: Kysely<Database>, lineUserId: string): Promise<FriendRow | undefined> {
  return db.selectFrom("friends").selectAll().where("line_user_id", "=", lineUserId).executeTakeFirst();
}

export interface FriendProfile {
  displayName: string | null;
  pictureUrl: string | null;
  statusMessage: string | null;
  language: string | null;
}

/**
 * A follow creates the friend or brings a blocked one back; history stays. The profile is optional
 * because LINE's profile call can fail and the follow must still count.
 */
export async function upsertFollowedFriend(
  db: Kysely<Database>,
  lineUserId: string,
  at: number,
  profile: FriendProfile | null,
): Promise<void> {
  await db
    .insertInto("friends")
    .values({
      line_user_id: lineUserId,
      display_name: profile?.displayName ?? null,
      picture_url: profile?.pictureUrl ?? null,
      status_message: profile?.statusMessage ?? null,
      language: profile?.language ?? null,
      status: "following",
      followed_at: at,
      unfollowed_at: null,
      last_active_at: at,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.column("line_user_id").doUpdateSet((eb) => ({
        status: "following",
        followed_at: at,
        unfollowed_at: null,
        updated_at: at,
        display_name: profile ? profile.displayName : eb.ref("friends.display_name"),
        picture_url: profile ? profile.pictureUrl : eb.ref("friends.picture_url"),
        status_message: profile ? profile.statusMessage : eb.ref("friends.status_message"),
        language: profile ? profile.language : eb.ref("friends.language"),
      })),
    )
    .execute();
}

/** Someone we never saw follow can still message us (e.g. friends from before Enishi was installed). */
export async function ensureFriend(db: Kysely<Database>, lineUserId: string, at: number): Promise<boolean> {
  const result = await db
    .insertInto("friends")
    .values({
      line_user_id: lineUserId,
      display_name: null,
      picture_url: null,
      status_message: null,
      language: null,
      status: "following",
      followed_at: null,
      unfollowed_at: null,
      last_active_at: at,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column("line_user_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateFriendProfile(db: Kysely<Database>, lineUserId: string, profile: FriendProfile, at: number): Promise<void> {
  await db
    .updateTable("friends")
    .set({
      display_name: profile.displayName,
      picture_url: profile.pictureUrl,
      status_message: profile.statusMessage,
      language: profile.language,
      updated_at: at,
    })
    .where("line_user_id", "=", lineUserId)
    .execute();
}

export async function markFriendBlocked(db: Kysely<Database>, lineUserId: string, at: number): Promise<void> {
  await db
    .updateTable("friends")
    .set({ status: "blocked", unfollowed_at: at, updated_at: at })
    .where("line_user_id", "=", lineUserId)
    .execute();
}

export async function touchFriendActivity(db: Kysely<Database>, lineUserId: string, at: number): Promise<void> {
  await db
    .updateTable("friends")
    .set({ last_active_at: at })
    .where("line_user_id", "=", lineUserId)
    .where((eb) => eb.or([eb("last_active_at", "is", null), eb("last_active_at", "<", at)]))
    .execute();
}
