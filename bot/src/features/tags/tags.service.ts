import type { TagSource } from "@enishi/db";
import { deleteFriendTag, ensureTag, findTagByName, insertFriendTag } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { notifyTagChanged } from "./tag-listeners.ts";

export interface TagChangeRequest {
  userId: string;
  /** Tag name as operators see it (e.g. "linked", "渋谷店"). Created on first use. */
  tag: string;
  source: TagSource;
  sourceRef?: string | null;
}

/**
 * The one way any feature tags a friend: staff, surveys, coupon redemption, link clicks, scenarios,
 * purchases and the API all come through here, so every change is recorded with its source and time
 * and the reactions to tag changes (rich-menu policy, scenario triggers) run for all of them.
 * Returns whether anything changed.
 */
export async function addTag(deps: Deps, request: TagChangeRequest): Promise<boolean> {
  const at = Date.now();
  const tag = await ensureTag(deps.db, request.tag, crypto.randomUUID(), at);
  const change = { lineUserId: request.userId, tagId: tag.id, source: request.source, sourceRef: request.sourceRef ?? null, at };
  const added = await insertFriendTag(deps.db, change);
  if (added) await notifyTagChanged(deps, { ...toChanged(request, tag.id, at), action: "add" });
  return added;
}

export async function removeTag(deps: Deps, request: TagChangeRequest): Promise<boolean> {
  const tag = await findTagByName(deps.db, request.tag);
  if (!tag) return false;
  const at = Date.now();
  const removed = await deleteFriendTag(deps.db, {
    lineUserId: request.userId,
    tagId: tag.id,
    source: request.source,
    sourceRef: request.sourceRef ?? null,
    at,
  });
  if (removed) await notifyTagChanged(deps, { ...toChanged(request, tag.id, at), action: "remove" });
  return removed;
}

function toChanged(request: TagChangeRequest, tagId: string, at: number) {
  return { userId: request.userId, tagId, tag: request.tag, source: request.source, sourceRef: request.sourceRef ?? null, at };
}
