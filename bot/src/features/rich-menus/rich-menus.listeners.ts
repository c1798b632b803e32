import type { Deps } from "../../deps.ts";
import type { TagChanged } from "../tags/tag-listeners.ts";
import { requestRichMenuRecompute } from "./rich-menus.service.ts";

/** Tags feed the menu policy: every tag change recomputes that friend's menu (through the queue). */
export async function richMenuOnTagChanged(deps: Deps, change: TagChanged): Promise<void> {
  await requestRichMenuRecompute(deps, change.userId);
}
