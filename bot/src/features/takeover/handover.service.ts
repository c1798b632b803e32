import { applyTakeover, type HandoverReason } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { sendToUser } from "../../line/send.ts";
import { type BotSettings, getBotSettings, hoursNow } from "../business-hours/bot-settings.service.ts";
import { handoverText, hoursNoticeText } from "./handover-copy.ts";
import { pushHandoverToStaff } from "./staff-notify.ts";
import { type ChatState, changeTakeover, currentTakeover, type TakeoverChange } from "./takeover.service.ts";

export interface HandoverRequest {
  userId: string;
  reason: HandoverReason;
  /** idempotency key of what the customer is told (e.g. `evt:<webhookEventId>`) */
  key: string;
  replyToken?: string | undefined;
  /** the event's time: stable across re-runs of the job */
  at: number;
  question?: string | null;
  settings?: BotSettings;
  /** the chat as this turn already read it (saves reading it again); nothing has changed it since */
  chat?: ChatState;
}

/**
 * Hands the chat to staff: tells the customer (when to expect a reply, by business hours), moves the
 * chat to "waiting", and tells staff. The message goes first: a re-run of the job finds it already sent
 * (same key) and then records the state; the other order could leave a customer waiting in silence.
 */
export async function handOverToStaff(deps: Deps, request: HandoverRequest): Promise<TakeoverChange | null> {
  const { takeover } = request.chat ?? (await currentTakeover(deps, request.userId, request.at));
  if (takeover.state !== "bot") return null;
  const settings = request.settings ?? (await getBotSettings(deps));
  const hours = hoursNow(settings, Date.now());
  await sendToUser(deps.db, deps.line, {
    to: request.userId,
    messages: [{ type: "text", text: handoverText(request.reason, hours) }],
    sender: "bot",
    key: request.key,
    replyToken: request.replyToken,
  });
  const change = await changeTakeover(deps, request.userId, {
    type: "handover",
    reason: request.reason,
    at: request.at,
    openNow: hours.open,
  });
  if (change.outcome === "changed" && change.handedOver && settings.notifyStaffByLine) {
    await pushHandoverToStaff(deps, request.userId, request.at, request.question ?? null);
  }
  return change;
}

/**
 * The bot was unsure or did not help. Returns true when this was one miss too many and the chat went to
 * staff; the caller then says nothing more. Checked on the pure machine first, so the handover path can
 * send its message before the state changes (see handOverToStaff).
 */
export async function recordMiss(deps: Deps, request: Omit<HandoverRequest, "reason">): Promise<boolean> {
  const { takeover } = request.chat ?? (await currentTakeover(deps, request.userId, request.at));
  const preview = applyTakeover(takeover, { type: "miss", at: request.at, openNow: true });
  if (preview.outcome === "changed" && preview.handedOver) {
    await handOverToStaff(deps, { ...request, reason: "unhelpful" });
    return true;
  }
  await changeTakeover(deps, request.userId, { type: "miss", at: request.at, openNow: true });
  return false;
}

/**
 * While a person has the chat the bot is silent, except once outside business hours to say when a reply
 * can be expected (issue 4 §5).
 */
export async function noteCustomerWhileWaiting(
  deps: Deps,
  request: { userId: string; key: string; replyToken?: string | undefined; at: number },
): Promise<void> {
  const change = await changeTakeover(deps, request.userId, { type: "customer-message", at: request.at });
  const settings = await getBotSettings(deps);
  const hours = hoursNow(settings, Date.now());
  if (hours.open || change.current.state === "bot" || change.current.hoursNoticeAt !== null) return;
  const noticed = await changeTakeover(deps, request.userId, { type: "hours-notice", at: request.at });
  if (noticed.outcome !== "changed") return;
  await sendToUser(deps.db, deps.line, {
    to: request.userId,
    messages: [{ type: "text", text: hoursNoticeText(hours) }],
    sender: "bot",
    key: request.key,
    replyToken: request.replyToken,
  });
}
