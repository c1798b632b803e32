// The customer's side of a test, through the sandbox control API (docs/dev-contracts.md), for tests
// whose subject is something else (the staff console) and need not click through the simulator.

export interface CreatedUser {
  userId: string;
  displayName: string;
}

type SimEvent = { type: "follow" } | { type: "unfollow" } | { type: "message"; text: string } | { type: "postback"; data: string };

async function control<T>(sandbox: string, path: string, init?: { method: string; body: unknown }): Promise<T> {
  const res = await fetch(`${sandbox}${path}`, {
    method: init?.method ?? "GET",
    headers: init ? { "content-type": "application/json" } : {},
    body: init ? JSON.stringify(init.body) : null,
  });
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function createCustomer(sandbox: string, displayName: string): Promise<CreatedUser> {
  return control(sandbox, "/__sandbox/users", { method: "POST", body: { displayName, friend: false } });
}

/** An ID token for the user, issued by the sandbox as LINE Login would (for calls to the Worker's API). */
export async function idTokenFor(sandbox: string, userId: string): Promise<string> {
  return (await control<{ idToken: string }>(sandbox, "/__sandbox/login/id-token", { method: "POST", body: { userId } })).idToken;
}

/** Sends the event as the user; fails unless the bot answered 200, as LINE expects. */
export async function sendAs(sandbox: string, userId: string, event: SimEvent): Promise<void> {
  const result = await control<{ status: number; response: string | null }>(sandbox, "/__sandbox/webhook/send", {
    method: "POST",
    body: { userId, event },
  });
  if (result.status !== 200) throw new Error(`webhook ${event.type} answered ${result.status}: ${result.response}`);
}

export interface ChatItem {
  from: "user" | "bot";
  message: { type: string; text?: string; template?: { actions?: { uri?: string }[] } };
}

/** The user's LINE chat, oldest first. */
export async function chatOf(sandbox: string, userId: string): Promise<ChatItem[]> {
  return (await control<{ items: ChatItem[] }>(sandbox, `/__sandbox/chats/${userId}`)).items;
}

/** The texts of the bot's messages in the user's chat ("" for a message without text). */
export async function botTexts(sandbox: string, userId: string): Promise<string[]> {
  return (await chatOf(sandbox, userId)).filter((i) => i.from === "bot").map((i) => i.message.text ?? "");
}

/** Waits until the user's LINE chat shows at least `count` messages from the bot (work runs off a queue). */
export async function waitForBotMessages(sandbox: string, userId: string, count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  while (Date.now() < deadline) {
    seen = (await chatOf(sandbox, userId)).filter((item) => item.from === "bot").length;
    if (seen >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Expected ${count} bot messages for ${userId} within ${timeoutMs} ms, saw ${seen}`);
}

/**
 * The LIFF app as `userId`, the way the simulator opens it: mock LIFF, the ID token issued by this stack's
 * sandbox and verified by the Worker.
 */
export function liffAppUrl(urls: { worker: string; sandbox: string }, path: string, userId: string): string {
  const url = new URL(path, urls.worker);
  url.searchParams.set("mockUser", userId);
  url.searchParams.set("sandbox", urls.sandbox);
  return url.toString();
}
