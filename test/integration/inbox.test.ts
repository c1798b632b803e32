import { describe, expect, it } from "vitest";
import { call, newCustomer, newStaff } from "./card.fixtures.ts";
import { callWorker, idTokenFor, testEnv, waitFor } from "./helpers.ts";
import { say, setUpShop, waitForState } from "./takeover.fixtures.ts";

interface LiveEvent {
  type: string;
  userId?: string;
  state?: string;
  assignee?: { userId: string } | null;
}

/** A staff console's WebSocket to the Inbox Durable Object, collecting what it hears. */
async function openConsole(token: string): Promise<{ events: LiveEvent[]; close: () => void }> {
  const response = await callWorker(`/api/staff/inbox/live?token=${encodeURIComponent(token)}`, { headers: { upgrade: "websocket" } });
  expect(response.status).toBe(101);
  const socket = response.webSocket;
  if (!socket) throw new Error("no WebSocket in the answer");
  const events: LiveEvent[] = [];
  socket.addEventListener("message", (message) => {
    if (typeof message.data === "string" && message.data.startsWith("{")) events.push(JSON.parse(message.data) as LiveEvent);
  });
  socket.accept();
  await waitFor(async () => events.some((e) => e.type === "hello"), "hello");
  return { events, close: () => socket.close(1000, "done") };
}

describe("live staff inbox", () => {
  it("tells a connected console about a customer's message and the handover as they happen", async () => {
    await setUpShop({ open: true });
    const staff = await newStaff("受信箱");
    const console1 = await openConsole(await idTokenFor(staff.userId));
    const { userId } = await newCustomer("ライブ");

    await say(userId, "スタッフと話したいです");
    await waitFor(async () => console1.events.some((e) => e.type === "message" && e.userId === userId), "message event");
    const handover = await waitFor(async () => console1.events.find((e) => e.type === "handover" && e.userId === userId), "handover event");
    expect(handover.state).toBe("waiting");
    console1.close();
  });

  it("shows every console who took a chat", async () => {
    await setUpShop({ open: true });
    const alice = await newStaff("アリス");
    const bob = await newStaff("ボブ");
    const bobsConsole = await openConsole(await idTokenFor(bob.userId));
    const { userId } = await newCustomer("誰が対応");
    await say(userId, "オペレーターをお願いします");
    await waitForState(userId, "waiting");

    await call(`/api/staff/conversations/${userId}/take`, alice.headers, { body: {} });
    const taken = await waitFor(async () => bobsConsole.events.find((e) => e.type === "takeover" && e.userId === userId), "takeover event");
    expect(taken).toMatchObject({ state: "staff", assignee: { userId: alice.userId } });

    const inbox = await call<{
      conversations: { userId: string; state: string; assignee: { userId: string } | null }[];
      counts: { staff: number };
    }>("/api/staff/conversations?state=staff", bob.headers);
    expect(inbox.body.conversations.find((c) => c.userId === userId)).toMatchObject({ state: "staff", assignee: { userId: alice.userId } });
    bobsConsole.close();
  });

  it("shows the customer's profile and notes beside the chat, and a question staff attach waits for review", async () => {
    const admin = await setUpShop({ open: true });
    const staff = await newStaff("教える人");
    const { userId } = await newCustomer("プロフィール");
    await say(userId, "テイクアウトの容器は持ち込めますか");
    await waitForState(userId, "waiting");

    const note = await call(`/api/staff/conversations/${userId}/notes`, staff.headers, { body: { body: "マイボトル持参の常連さん" } });
    expect(note.status).toBe(201);
    const profile = await call<{
      friend: { displayName: string };
      tags: unknown[] | null;
      notes: { body: string; authorUserId: string }[];
    }>(`/api/staff/conversations/${userId}/profile`, staff.headers);
    expect(profile.body.friend.displayName).toBe("プロフィール");
    expect(profile.body.tags).toEqual([]);
    expect(profile.body.notes).toEqual([expect.objectContaining({ body: "マイボトル持参の常連さん", authorUserId: staff.userId })]);

    // A member's latest purchases, newest first, a refunded one marked (decision 024's refund key).
    const memberId = crypto.randomUUID();
    await testEnv.DB.prepare(
      "INSERT INTO members (id, member_number, name, line_user_id, created_at, updated_at) VALUES (?, ?, '購入 花子', ?, 0, 0)",
    )
      .bind(memberId, `P${Date.now().toString(36)}`, userId)
      .run();
    const purchase = (key: string, amount: number, at: number) =>
      testEnv.DB.prepare(
        "INSERT INTO point_ledger (member_id, kind, points, source, purchase_amount, idempotency_key, expires_at, expiry_state, created_at) VALUES (?, 'grant', ?, 'purchase', ?, ?, ?, 'pending', ?)",
      )
        .bind(memberId, amount / 100, amount, key, at + 365 * 86_400_000, at)
        .run();
    await purchase(`order:a-${memberId}`, 3_000, Date.now() - 2 * 86_400_000);
    await purchase(`order:b-${memberId}`, 5_500, Date.now() - 86_400_000);
    await testEnv.DB.prepare(
      "INSERT INTO point_ledger (member_id, kind, points, source, idempotency_key, created_at) VALUES (?, 'adjust', -30, 'purchase', ?, ?)",
    )
      .bind(memberId, `order:a-${memberId}:refund`, Date.now())
      .run();
    const withPurchases = await call<{ member: { found: boolean; purchases: { amountYen: number; refunded: boolean }[] } }>(
      `/api/staff/conversations/${userId}/profile`,
      staff.headers,
    );
    expect(withPurchases.body.member.purchases).toEqual([
      expect.objectContaining({ amountYen: 5_500, refunded: false }),
      expect.objectContaining({ amountYen: 3_000, refunded: true }),
    ]);

    const timeline = await call<{ messages: { id: number; direction: string; text: string }[] }>(
      `/api/staff/conversations/${userId}/messages`,
      staff.headers,
    );
    const question = timeline.body.messages.find((m) => m.direction === "in");
    const learned = await call<{ entryId: string; outcome: string }>(`/api/staff/conversations/${userId}/learn`, staff.headers, {
      body: {
        messageId: question?.id,
        newEntry: { question: "容器の持ち込みはできますか", answer: "はい、清潔な容器でしたらお持ち込みいただけます。" },
      },
    });
    expect(learned.status).toBe(201);
    expect(learned.body.outcome).toBe("suggested");
    const pending = await call<{ alternates: { entryId: string; question: string; source: string }[] }>(
      "/api/admin/faq/alternates?status=pending",
      admin,
    );
    expect(pending.body.alternates).toContainEqual(
      expect.objectContaining({ entryId: learned.body.entryId, question: "テイクアウトの容器は持ち込めますか", source: "staff" }),
    );

    // Another customer's message cannot be attached through this chat.
    const other = await newCustomer("別人");
    const refused = await call(`/api/staff/conversations/${other.userId}/learn`, staff.headers, {
      body: { messageId: question?.id, entryId: learned.body.entryId },
    });
    expect(refused.status).toBe(400);
  });

  it("lets only staff open the live socket", async () => {
    const { userId } = await newCustomer("覗き見");
    const customer = await callWorker(`/api/staff/inbox/live?token=${await idTokenFor(userId)}`, { headers: { upgrade: "websocket" } });
    expect(customer.status).toBe(403);
    const anonymous = await callWorker("/api/staff/inbox/live", { headers: { upgrade: "websocket" } });
    expect(anonymous.status).toBe(401);
  });
});
