import type { FriendProfile } from "@enishi/db";
import { ensureFriend, markFriendBlocked, recordFriendEvent, updateFriendProfile, upsertFollowedFriend } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { callLine } from "../../line/call.ts";
import { LineApiError } from "../../line/errors.ts";
import { sendToUser } from "../../line/send.ts";
import type { FollowEvent } from "../../webhook/events.ts";
import { copy, text } from "../conversations/bot-copy.ts";

/** The profile is nice to have: a failure to fetch it must not lose the follow. */
export async function fetchProfile(deps: Deps, userId: string): Promise<FriendProfile | null> {
  try {
    const { body } = await callLine("profile", () => deps.line.api.getProfileWithHttpInfo(userId), {
      retry: true,
      timeoutMs: deps.line.timeoutMs,
      backoffMs: deps.line.backoffMs,
      maxAttempts: 2,
    });
    if (!body) return null;
    return {
      displayName: body.displayName ?? null,
      pictureUrl: body.pictureUrl ?? null,
      statusMessage: body.statusMessage ?? null,
      language: body.language ?? null,
    };
  } catch (error) {
    if (error instanceof LineApiError) {
      console.warn(JSON.stringify({ msg: "profile_unavailable", userId, status: error.status }));
      return null;
    }
    throw error;
  }
}

/** Follow (new friend or unblock): create or refresh the friend, then welcome them. */
export async function handleFollow(deps: Deps, event: FollowEvent, userId: string): Promise<void> {
  const profile = await fetchProfile(deps, userId);
  await upsertFollowedFriend(deps.db, userId, event.timestamp, profile);
  // The follow log behind the KPI dashboard (friends keeps only the latest follow): decision 022.
  await recordFriendEvent(deps.db, userId, "follow", event.timestamp);
  if (event.mode !== "active") return;
  await sendToUser(deps.db, deps.line, {
    to: userId,
    messages: [text(copy.welcome(profile?.displayName ?? null))],
    sender: "bot",
    key: `evt:${event.webhookEventId}`,
    replyToken: event.replyToken,
  });
}

/** Unfollow = blocked. The friend and their history stay: they may come back, and KPIs count blocks. */
export async function handleUnfollow(deps: Deps, userId: string, at: number): Promise<void> {
  await markFriendBlocked(deps.db, userId, at);
  await recordFriendEvent(deps.db, userId, "unfollow", at);
}

/** A message from someone we have no row for (friend before Enishi): create them with their profile. */
export async function ensureKnownFriend(deps: Deps, userId: string, at: number): Promise<void> {
  const created = await ensureFriend(deps.db, userId, at);
  if (!created) return;
  const profile = await fetchProfile(deps, userId);
  if (profile) await updateFriendProfile(deps.db, userId, profile, at);
}
