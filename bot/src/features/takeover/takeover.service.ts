import type { ConversationRow, TakeoverEventType } from "@enishi/db";
import { findConversation, insertConversationIfAbsent, insertTakeoverEvent, updateTakeoverIfVersion } from "@enishi/db";
import {
  applyTakeover,
  botTakeover,
  HandoverReasonSchema,
  type StaffRef,
  type Takeover,
  type TakeoverEvent,
  type TakeoverTransition,
} from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { notifyInbox } from "../../inbox/notify.ts";

export function toTakeover(row: ConversationRow | undefined, at: number): Takeover {
  if (!row) return botTakeover(at);
  const reason = HandoverReasonSchema.safeParse(row.reason);
  return {
    state: row.state,
    assignee: row.assignee_user_id ? { userId: row.assignee_user_id, name: row.assignee_name } : null,
    reason: reason.success ? reason.data : null,
    waitingSince: row.waiting_since,
    lastActivityAt: row.last_activity_at,
    misses: row.misses,
    hoursNoticeAt: row.hours_notice_at,
  };
}

export type TakeoverChange = TakeoverTransition & { current: Takeover };

/** Which history row a change makes, if any: the moments staff care about, not every counter bump. */
function historyType(event: TakeoverEvent, before: Takeover, after: Takeover, handedOver: boolean): TakeoverEventType | null {
  if (handedOver) return "handover";
  if (event.type === "idle-release") return "release";
  if (event.type === "resolve") return "resolve";
  if (event.type === "assign") return "assign";
  if ((event.type === "take" || event.type === "staff-reply") && before.assignee?.userId !== after.assignee?.userId) return "take";
  return null;
}

/**
 * Applies one takeover event to a friend's chat: read the row, run the pure state machine, write the
 * result only if the row's version is still the one read (else read again). The moment a chat changes
 * hands is recorded and pushed to the staff consoles.
 */
export async function changeTakeover(
  deps: Deps,
  userId: string,
  event: TakeoverEvent,
  actor: StaffRef | null = null,
): Promise<TakeoverChange> {
  for (let attempt = 0; attempt < 5; attempt++) {
    let row = await findConversation(deps.db, userId);
    const before = toTakeover(row, event.at);
    const transition = applyTakeover(before, event);
    if (transition.outcome !== "changed") return { ...transition, current: before };
    if (!row) {
      await insertConversationIfAbsent(deps.db, { line_user_id: userId, last_activity_at: event.at, updated_at: event.at });
      row = await findConversation(deps.db, userId);
      if (!row) continue;
      // Someone else wrote first: apply to what they left.
      if (row.version !== 0) continue;
    }
    const next = transition.next;
    const written = await updateTakeoverIfVersion(
      deps.db,
      userId,
      row.version,
      {
        state: next.state,
        assignee_user_id: next.assignee?.userId ?? null,
        assignee_name: next.assignee?.name ?? null,
        reason: next.reason,
        waiting_since: next.waitingSince,
        last_activity_at: next.lastActivityAt,
        misses: next.misses,
        hours_notice_at: next.hoursNoticeAt,
      },
      event.at,
    );
    if (!written) continue;
    const type = historyType(event, before, next, transition.handedOver);
    if (type) {
      await insertTakeoverEvent(deps.db, {
        line_user_id: userId,
        type,
        reason: type === "handover" ? next.reason : null,
        actor_user_id: actor?.userId ?? null,
        actor_name: actor?.name ?? null,
        assignee_user_id: next.assignee?.userId ?? null,
        assignee_name: next.assignee?.name ?? null,
        created_at: event.at,
      });
      await notifyInbox(deps.env, {
        type: type === "handover" ? "handover" : "takeover",
        userId,
        messageId: null,
        state: next.state,
        assignee: next.assignee,
      });
    }
    return { ...transition, current: next };
  }
  throw new Error(`takeover: the chat of ${userId} kept changing under us`);
}

/** A friend's chat as read once at the start of a bot turn: the row (the bot's memory) and its takeover state. */
export interface ChatState {
  row: ConversationRow | undefined;
  takeover: Takeover;
}

export async function currentTakeover(deps: Deps, userId: string, at = Date.now()): Promise<ChatState> {
  const row = await findConversation(deps.db, userId);
  return { row, takeover: toTakeover(row, at) };
}
