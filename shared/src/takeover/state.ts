/**
 * Who answers a customer's chat (issue 4 §5): the bot → waiting for staff → a member of staff has it →
 * back to the bot (resolved by staff, or released after idle hours). Pure: the Worker reads the row,
 * applies an event here and writes the result with a version check, so the rules live in one place and
 * two concurrent writers (a customer message and a staff click) cannot both win.
 */
import { z } from "zod";

export const ChatStateSchema = z.enum(["bot", "waiting", "staff"]);
export type ChatState = z.infer<typeof ChatStateSchema>;

export const HandoverReasonSchema = z.enum(["requested", "unhelpful", "negative", "out-of-scope", "staff"]);
export type HandoverReason = z.infer<typeof HandoverReasonSchema>;

export interface StaffRef {
  userId: string;
  name: string | null;
}

export interface Takeover {
  state: ChatState;
  assignee: StaffRef | null;
  reason: HandoverReason | null;
  /** when the chat left the bot: what "waiting time" counts from */
  waitingSince: number | null;
  /** last customer or staff message, or state change: what idle release counts from */
  lastActivityAt: number;
  /** unhelpful bot turns in a row (解決しない, unsure choices) */
  misses: number;
  /** when the out-of-hours notice went out for this handover: it is sent once */
  hoursNoticeAt: number | null;
}

/** Unhelpful turns in a row after which the bot stops trying and hands over. */
export const MISS_LIMIT = 2;

export function botTakeover(at: number): Takeover {
  return { state: "bot", assignee: null, reason: null, waitingSince: null, lastActivityAt: at, misses: 0, hoursNoticeAt: null };
}

export type TakeoverEvent =
  /** the bot cannot or must not answer: a person is asked for, a complaint, nothing fits */
  | { type: "handover"; reason: HandoverReason; at: number; openNow: boolean }
  /** the bot was not sure, or its answer did not help */
  | { type: "miss"; at: number; openNow: boolean }
  /** the customer said the answer helped */
  | { type: "helped"; at: number }
  | { type: "customer-message"; at: number }
  /** a member of staff takes the chat; `force` takes it from another member of staff */
  | { type: "take"; staff: StaffRef; at: number; force: boolean }
  /** explicit (re)assignment by a member of staff: always allowed, and visible to everyone */
  | { type: "assign"; staff: StaffRef; at: number }
  /** staff replying takes the chat, like "take" */
  | { type: "staff-reply"; staff: StaffRef; at: number; force: boolean }
  | { type: "resolve"; staff: StaffRef; at: number; force: boolean }
  | { type: "hours-notice"; at: number }
  | { type: "idle-release"; at: number; idleMs: number };

export type TakeoverTransition =
  | { outcome: "changed"; next: Takeover; handedOver: boolean; released: boolean }
  | { outcome: "unchanged" }
  /** someone else holds the chat: say who, so nobody answers it unknowingly */
  | { outcome: "conflict"; holder: StaffRef };

const unchanged: TakeoverTransition = { outcome: "unchanged" };

function changed(next: Takeover, flags: { handedOver?: boolean; released?: boolean } = {}): TakeoverTransition {
  return { outcome: "changed", next, handedOver: flags.handedOver ?? false, released: flags.released ?? false };
}

/** Outside business hours the handover message itself says when to expect a reply: that is the notice. */
function handOver(current: Takeover, reason: HandoverReason, at: number, openNow: boolean): TakeoverTransition {
  return changed(
    { ...current, state: "waiting", reason, waitingSince: at, lastActivityAt: at, misses: 0, hoursNoticeAt: openNow ? null : at },
    { handedOver: true },
  );
}

function heldByOther(current: Takeover, staff: StaffRef): StaffRef | null {
  return current.state === "staff" && current.assignee && current.assignee.userId !== staff.userId ? current.assignee : null;
}

function takeBy(current: Takeover, staff: StaffRef, at: number): TakeoverTransition {
  if (current.state === "staff" && current.assignee?.userId === staff.userId) return unchanged;
  return changed({
    ...current,
    state: "staff",
    assignee: staff,
    reason: current.reason ?? "staff",
    waitingSince: current.waitingSince ?? at,
    lastActivityAt: at,
    misses: 0,
  });
}

export function applyTakeover(current: Takeover, event: TakeoverEvent): TakeoverTransition {
  switch (event.type) {
    case "handover":
      return current.state === "bot" ? handOver(current, event.reason, event.at, event.openNow) : unchanged;
    case "miss":
      if (current.state !== "bot") return unchanged;
      if (current.misses + 1 >= MISS_LIMIT) return handOver(current, "unhelpful", event.at, event.openNow);
      return changed({ ...current, misses: current.misses + 1 });
    case "helped":
      return current.state === "bot" && current.misses > 0 ? changed({ ...current, misses: 0 }) : unchanged;
    case "customer-message":
      // In the bot's hands nothing is recorded per message: idle time only matters once a person is involved.
      return current.state === "bot" ? unchanged : changed({ ...current, lastActivityAt: event.at });
    case "take":
    case "staff-reply": {
      const holder = heldByOther(current, event.staff);
      if (holder && !event.force) return { outcome: "conflict", holder };
      const taken = takeBy(current, event.staff, event.at);
      if (event.type === "staff-reply" && taken.outcome === "unchanged") return changed({ ...current, lastActivityAt: event.at });
      return taken;
    }
    case "assign":
      return takeBy(current, event.staff, event.at);
    case "resolve": {
      if (current.state === "bot") return unchanged;
      const holder = heldByOther(current, event.staff);
      if (holder && !event.force) return { outcome: "conflict", holder };
      return changed(botTakeover(event.at), { released: true });
    }
    case "hours-notice":
      return current.state !== "bot" && current.hoursNoticeAt === null ? changed({ ...current, hoursNoticeAt: event.at }) : unchanged;
    case "idle-release":
      if (current.state === "bot" || event.at - current.lastActivityAt < event.idleMs) return unchanged;
      return changed(botTakeover(event.at), { released: true });
  }
}

/** The bot answers only while no person is involved; otherwise it is silent (but for hours notices). */
export function botMayAnswer(takeover: Takeover): boolean {
  return takeover.state === "bot";
}

/** Outside business hours a waiting customer is told once when to expect a reply. */
export function needsHoursNotice(takeover: Takeover, openNow: boolean): boolean {
  return takeover.state !== "bot" && !openNow && takeover.hoursNoticeAt === null;
}
