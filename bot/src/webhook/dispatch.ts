import { markWebhookEventProcessed } from "@enishi/db";
import type { Deps } from "../deps.ts";
import { handleAccountLinkEvent } from "../features/account-link/account-link-flow.service.ts";
import { handleMessage, handlePostback } from "../features/conversations/conversations.service.ts";
import { handleFollow, handleUnfollow } from "../features/friends/friends.service.ts";
import { applyRichMenuPolicyOrQueue } from "../features/rich-menus/rich-menus.service.ts";
import { exitScenarios, triggerScenarios } from "../features/scenarios/enrolment.service.ts";
import { HandledEventSchema } from "./events.ts";

/**
 * Runs one queued webhook event. Handlers are idempotent (timeline rows and sends are keyed by the
 * webhook event id), so a queue retry after a crash finishes the work without doubling it.
 */
export async function dispatchWebhookEvent(deps: Deps, raw: Record<string, unknown>): Promise<void> {
  const parsed = HandledEventSchema.safeParse(raw);
  if (!parsed.success) {
    // A malformed event of a known type: acknowledge and drop it, it will not get better on retry.
    console.warn(JSON.stringify({ msg: "webhook_event_invalid", type: raw.type, issues: parsed.error.issues.slice(0, 3) }));
    return;
  }
  const event = parsed.data;
  const userId = event.source?.type === "user" ? event.source.userId : undefined;
  if (!userId) return; // Group and room chats are not part of the CRM.
  switch (event.type) {
    case "follow":
      await handleFollow(deps, event, userId);
      // A new (or returning) friend gets the menu the policy picks for them, now; a LINE failure goes to the queue.
      await applyRichMenuPolicyOrQueue(deps, userId);
      // Step scenarios triggered by a follow (e.g. new-friend nurturing); idempotent for a retried event.
      await triggerScenarios(deps, { type: "follow", userId, at: event.timestamp });
      break;
    case "unfollow":
      await handleUnfollow(deps, userId, event.timestamp);
      await exitScenarios(deps, userId, { kind: "unfollow" }, event.timestamp);
      break;
    case "message":
      await handleMessage(deps, event, userId);
      break;
    case "postback":
      await handlePostback(deps, event, userId);
      break;
    case "accountLink":
      await handleAccountLinkEvent(deps, event, userId);
      break;
  }
  await markWebhookEventProcessed(deps.db, event.webhookEventId, Date.now());
}
