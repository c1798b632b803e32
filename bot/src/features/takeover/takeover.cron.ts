import { findIdleConversations } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { getBotSettings } from "../business-hours/bot-settings.service.ts";
import { changeTakeover } from "./takeover.service.ts";

const HOUR_MS = 60 * 60 * 1000;
/** Per minute; a backlog clears over the next runs. */
const BATCH = 100;

/**
 * Cron (every minute): chats with a person involved but no message for `releaseAfterHours` go back to
 * the bot (issue 4 §5). The state machine re-checks idleness against the row it reads, so a message
 * arriving meanwhile keeps the chat with staff.
 */
export async function releaseIdleChats(deps: Deps, now: number): Promise<number> {
  const settings = await getBotSettings(deps);
  const idleMs = settings.releaseAfterHours * HOUR_MS;
  const idle = await findIdleConversations(deps.db, now - idleMs, BATCH);
  let released = 0;
  for (const row of idle) {
    const change = await changeTakeover(deps, row.line_user_id, { type: "idle-release", at: now, idleMs });
    if (change.outcome === "changed") released++;
  }
  if (released > 0) console.log(JSON.stringify({ msg: "takeover_idle_release", released }));
  return released;
}
