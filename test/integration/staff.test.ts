import { describe, expect, it } from "vitest";
import {
  botTexts,
  callsTo,
  callWorker,
  chatOf,
  createLineUser,
  idTokenFor,
  makeEvent,
  postWebhook,
  testEnv,
  waitForBotMessages,
} from "./helpers.ts";

async function staffToken(): Promise<string> {
  const staff = await createLineUser("店員");
  await testEnv.DB.prepare("INSERT INTO staff_roles (line_user_id, role, created_at) VALUES (?, 'staff', 0)").bind(staff).run();
  return idTokenFor(staff);
}

describe("staff conversations", () => {
  it("shows the customer's timeline and delivers a staff reply by push exactly once per clientKey", async () => {
    const customer = await createLineUser("田中");
    await postWebhook([await makeEvent(customer, { type: "follow" })]);
    await postWebhook([await makeEvent(customer, { type: "message", text: "駐車場はありますか" })]);
    await waitForBotMessages(customer, 2);
    const token = await staffToken();
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };

    const list = await (await callWorker("/api/staff/conversations", { headers })).json<{ conversations: { userId: string }[] }>();
    expect(list.conversations.map((c) => c.userId)).toContain(customer);

    const send = () =>
      callWorker(`/api/staff/conversations/${customer}/messages`, {
        method: "POST",
        headers,
        body: JSON.stringify({ text: "はい、店舗裏に3台ございます。", clientKey: "6f1c2a6e-3c55-4c1e-9d7a-0a4a4d1e2b10" }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200); // a double click

    expect(botTexts(await chatOf(customer)).filter((t) => t.includes("3台"))).toHaveLength(1);
    expect(await callsTo("push", customer)).toHaveLength(1);

    const timeline = await (await callWorker(`/api/staff/conversations/${customer}/messages`, { headers })).json<{
      messages: { sender: string; text: string; delivery: string }[];
    }>();
    expect(timeline.messages.map((m) => m.sender)).toEqual(["bot", "customer", "bot", "staff"]);
    expect(timeline.messages.at(-1)).toMatchObject({ text: "はい、店舗裏に3台ございます。", delivery: "sent" });
  });

  it("rejects an empty reply with a clear 400 and sends nothing", async () => {
    const customer = await createLineUser("空送信");
    await postWebhook([await makeEvent(customer, { type: "follow" })]);
    await waitForBotMessages(customer, 1);
    const token = await staffToken();
    const response = await callWorker(`/api/staff/conversations/${customer}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: "   ", clientKey: crypto.randomUUID() }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("空") } });
    expect(await callsTo("push", customer)).toHaveLength(0);
  });
});
