import type { InboxEvent } from "./inbox.ts";

/** Tells connected staff consoles that something changed. Best effort: the timeline in D1 is the truth. */
export async function notifyInbox(env: Env, event: InboxEvent): Promise<void> {
  try {
    const stub = env.INBOX.get(env.INBOX.idFromName("shop"));
    await stub.fetch("https://inbox/notify", { method: "POST", body: JSON.stringify(event) });
  } catch (error) {
    console.warn(JSON.stringify({ msg: "inbox_notify_failed", error: String(error) }));
  }
}
