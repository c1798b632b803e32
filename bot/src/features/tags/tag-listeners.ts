import type { TagSource } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { richMenuOnTagChanged } from "../rich-menus/rich-menus.listeners.ts";
import { scenarioOnTagChanged } from "../scenarios/scenario.listeners.ts";

/** A tag really changed on a friend (added when they did not have it, removed when they did). */
export interface TagChanged {
  userId: string;
  tagId: string;
  /** The tag's name as operators see it. */
  tag: string;
  action: "add" | "remove";
  source: TagSource;
  sourceRef: string | null;
  at: number;
}

/**
 * Reacts to a tag change. Listeners run after the change is recorded, in order, each on its own: one that
 * fails is logged and does not stop the others or undo the change. So a listener should be quick and
 * idempotent — enqueue a job rather than call LINE.
 */
export type TagListener = (deps: Deps, change: TagChanged) => Promise<void>;

/**
 * Every reaction to tag changes, registered here in one place. To react to tags (e.g. a scenario's
 * "tag added" trigger), add your listener to this list.
 */
export const tagListeners: readonly TagListener[] = [richMenuOnTagChanged, scenarioOnTagChanged];

export async function notifyTagChanged(deps: Deps, change: TagChanged, listeners: readonly TagListener[] = tagListeners): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(deps, change);
    } catch (error) {
      console.error(
        JSON.stringify({
          msg: "tag_listener_failed",
          listener: listener.name,
          userId: change.userId,
          tag: change.tag,
          error: String(error),
        }),
      );
    }
  }
}
