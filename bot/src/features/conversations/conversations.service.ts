import { insertInboundMessage, touchFriendActivity } from "@enishi/db";
import { parsePostback } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { notifyInbox } from "../../inbox/notify.ts";
import { sendToUser } from "../../line/send.ts";
import type { MessageEvent, PostbackEvent } from "../../webhook/events.ts";
import { ensureKnownFriend } from "../friends/friends.service.ts";
import { copy, liffUrl, linkButton, text } from "./bot-copy.ts";

/**
 * A customer's message: stored in the timeline (once, keyed by its webhook event), then acknowledged.
 * The FAQ bot replaces the acknowledgement (issue #4).
 */
export async function handleMessage(deps: Deps, event: MessageEvent, userId: string): Promise<void> {
  await ensureKnownFriend(deps, userId, event.timestamp);
  const message = event.message;
  const id = await insertInboundMessage(deps.db, {
    line_user_id: userId,
    direction: "in",
    sender: "customer",
    kind: message.type,
    text: message.text ?? null,
    payload: JSON.stringify(message),
    line_message_id: message.id,
    webhook_event_id: event.webhookEventId,
    delivery: "received",
    method: null,
    retry_key: null,
    line_request_id: null,
    error: null,
    staff_user_id: null,
    outbound_key: null,
    created_at: event.timestamp,
    sent_at: null,
  });
  await touchFriendActivity(deps.db, userId, event.timestamp);
  if (id !== undefined) await notifyInbox(deps.env, { type: "message", userId, messageId: id });
  // Standby: another module owns the chat and there is no reply token. Store, stay silent.
  if (event.mode !== "active") return;
  const reply = message.type === "text" ? copy.acknowledged : copy.nonText;
  const outcome = await sendToUser(deps.db, deps.line, {
    to: userId,
    messages: [text(reply)],
    sender: "bot",
    key: `evt:${event.webhookEventId}`,
    replyToken: event.replyToken,
  });
  await notifyInbox(deps.env, { type: "message", userId, messageId: outcome.messageIds.at(-1) ?? null });
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
  const send = (messages: Parameters<typeof sendToUser>[2]["messages"]) =>
    sendToUser(deps.db, deps.line, {
      to: userId,
      messages,
      sender: "bot",
      key: `evt:${event.webhookEventId}`,
      replyToken: event.replyToken,
    });
  switch (action.action) {
    case "open-card":
      await send([linkButton(copy.openCard, "会員証を開く", liffUrl(deps.config, "/"))]);
      return;
    case "contact-staff":
      await send([text(copy.staffRequested)]);
      await notifyInbox(deps.env, { type: "handover", userId, messageId: null });
      return;
  }
}
