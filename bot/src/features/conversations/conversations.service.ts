import { type BotAction, findFaqEntry, findInboundMessageId, insertInboundMessage, recordBotAction, touchFriendActivity } from "@enishi/db";
import { botMayAnswer, type PostbackAction, parsePostback } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { notifyInbox } from "../../inbox/notify.ts";
import { sendToUser } from "../../line/send.ts";
import type { MessageEvent, PostbackEvent } from "../../webhook/events.ts";
import { startAccountLink } from "../account-link/account-link-flow.service.ts";
import { answerChosenEntry, answerCustomerText, type BotTurn, handleFeedback } from "../faq/faq-bot.service.ts";
import { ensureKnownFriend } from "../friends/friends.service.ts";
import { handOverToStaff, noteCustomerWhileWaiting } from "../takeover/handover.service.ts";
import { currentTakeover } from "../takeover/takeover.service.ts";
import { copy, liffUrl, linkButton, text } from "./bot-copy.ts";

function inboundRow(
  userId: string,
  event: { webhookEventId: string; timestamp: number },
  fields: { kind: string; text: string | null; payload: unknown; lineMessageId: string | null },
) {
  return {
    line_user_id: userId,
    direction: "in" as const,
    sender: "customer" as const,
    kind: fields.kind,
    text: fields.text,
    payload: JSON.stringify(fields.payload),
    line_message_id: fields.lineMessageId,
    webhook_event_id: event.webhookEventId,
    delivery: "received" as const,
    method: null,
    retry_key: null,
    line_request_id: null,
    error: null,
    staff_user_id: null,
    outbound_key: null,
    created_at: event.timestamp,
    sent_at: null,
  };
}

type TurnBase = Omit<BotTurn, "chat">;

function turnOf(event: MessageEvent | PostbackEvent, userId: string): TurnBase {
  return { userId, key: `evt:${event.webhookEventId}`, replyToken: event.replyToken, at: event.timestamp };
}

/**
 * A customer's message: stored in the timeline (once, keyed by its webhook event) and shown to staff at
 * once; then the FAQ bot answers — unless a person has the chat, when the bot is silent but for an
 * out-of-hours notice (issue 4).
 */
export async function handleMessage(deps: Deps, event: MessageEvent, userId: string): Promise<void> {
  await ensureKnownFriend(deps, userId, event.timestamp);
  const message = event.message;
  const inserted = await insertInboundMessage(
    deps.db,
    inboundRow(userId, event, { kind: message.type, text: message.text ?? null, payload: message, lineMessageId: message.id }),
  );
  await touchFriendActivity(deps.db, userId, event.timestamp);
  if (inserted !== undefined) await notifyInbox(deps.env, { type: "message", userId, messageId: inserted });
  // Standby: another module owns the chat and there is no reply token. Store, stay silent.
  if (event.mode !== "active") return;
  const turn = turnOf(event, userId);
  const chat = await currentTakeover(deps, userId, event.timestamp);
  let action: BotAction;
  if (!botMayAnswer(chat.takeover)) {
    await noteCustomerWhileWaiting(deps, turn);
    action = "staff";
  } else if (message.type === "text" && message.text) {
    const messageId = inserted ?? (await findInboundMessageId(deps.db, event.webhookEventId)) ?? null;
    action = await answerCustomerText(deps, { ...turn, chat, text: message.text, messageId });
  } else {
    await sendToUser(deps.db, deps.line, {
      to: userId,
      messages: [text(copy.nonText)],
      sender: "bot",
      key: turn.key,
      replyToken: turn.replyToken,
    });
    action = "other";
  }
  // What the bot did with this message, on its own timeline row: the KPIs' automation and escalation rates.
  await recordBotAction(deps.db, event.webhookEventId, action);
  await notifyInbox(deps.env, { type: "message", userId, messageId: null });
}

/** What the customer's tap said, for the staff timeline (LINE's webhook does not carry `displayText`). */
async function tapText(deps: Deps, action: PostbackAction): Promise<string | null> {
  switch (action.action) {
    case "contact-staff":
      return "スタッフに相談";
    case "faq-feedback":
      return action.solved === "yes" ? "解決した" : "解決しない";
    case "faq-answer":
      return (await findFaqEntry(deps.db, action.id))?.question ?? null;
    default:
      return null;
  }
}

/** Postbacks carry a typed action in `data`; data this version does not know is ignored. */
export async function handlePostback(deps: Deps, event: PostbackEvent, userId: string): Promise<void> {
  await ensureKnownFriend(deps, userId, event.timestamp);
  await touchFriendActivity(deps.db, userId, event.timestamp);
  if (event.mode !== "active") return;
  const action = parsePostback(event.postback.data);
  if (!action) {
    console.warn(JSON.stringify({ msg: "postback_ignored", data: event.postback.data.slice(0, 100) }));
    return;
  }
  const tapped = await tapText(deps, action);
  if (tapped !== null) {
    const id = await insertInboundMessage(
      deps.db,
      inboundRow(userId, event, {
        kind: "postback",
        text: tapped,
        payload: { type: "postback", data: event.postback.data },
        lineMessageId: null,
      }),
    );
    if (id !== undefined) await notifyInbox(deps.env, { type: "message", userId, messageId: id });
  }
  const turn = turnOf(event, userId);
  // Taps recorded as customer messages (tapped !== null) get the bot's decision too (decision 022).
  const record = async (decision: BotAction) => {
    if (tapped !== null) await recordBotAction(deps.db, event.webhookEventId, decision);
  };
  switch (action.action) {
    case "open-card":
      await sendToUser(deps.db, deps.line, {
        to: userId,
        messages: [linkButton(copy.openCard, "会員証を開く", liffUrl(deps.config, "/card"))],
        sender: "bot",
        key: turn.key,
        replyToken: turn.replyToken,
      });
      return;
    case "link-account":
      await startAccountLink(deps, event, userId);
      return;
    case "contact-staff": {
      const change = await handOverToStaff(deps, { ...turn, reason: "requested" });
      // Already with a person: this tap handed nothing over.
      await record(change === null ? "staff" : "handover");
      break;
    }
    case "faq-answer":
    case "faq-feedback": {
      // Buttons of an earlier answer, tapped after the chat went to a person: the person answers.
      const chat = await currentTakeover(deps, userId, event.timestamp);
      if (!botMayAnswer(chat.takeover)) {
        await record("staff");
        return;
      }
      const decision =
        action.action === "faq-answer"
          ? await answerChosenEntry(deps, { ...turn, chat, entryId: action.id })
          : await handleFeedback(deps, { ...turn, chat, entryId: action.id, solved: action.solved === "yes" });
      await record(decision);
      break;
    }
  }
  await notifyInbox(deps.env, { type: "message", userId, messageId: null });
}
