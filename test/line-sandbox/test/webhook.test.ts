import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../src/server.ts";
import { verifySignature } from "../src/signature.ts";
import { ALICE, CHANNEL, text } from "./helpers.ts";

type Received = { body: string; headers: Record<string, string | string[] | undefined> };

let receiver: Server;
let received: Received[] = [];
let answerStatus = 200;
let sandbox: RunningSandbox;

/** A stand-in bot: keeps the exact bytes it received, answers `answerStatus`. */
function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(answerStatus).end();
    });
  });
  return new Promise((resolve) => {
    receiver.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`));
  });
}

async function call<T>(
  path: string,
  body?: unknown,
  init: { method?: string; token?: boolean } = {},
): Promise<{ status: number; json: T }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.token) headers.authorization = `Bearer ${CHANNEL.channelAccessToken}`;
  const res = await fetch(`${sandbox.url}${path}`, {
    method: init.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

type SendResult = { status: number; webhookEventId: string; replyToken: string | null; body: string };

function send(event: Record<string, unknown>, userId = ALICE) {
  return call<SendResult>("/__sandbox/webhook/send", { userId, event });
}

function lastEvent(): Record<string, unknown> {
  const last = received.at(-1);
  if (!last) throw new Error("nothing received");
  return (JSON.parse(last.body) as { events: Array<Record<string, unknown>> }).events[0] ?? {};
}

beforeAll(async () => {
  const webhookUrl = await startReceiver();
  sandbox = await startSandbox({ ...CHANNEL, port: 0, webhookUrl });
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
  received = [];
  answerStatus = 200;
  await call("/__sandbox/reset", {});
});

describe("webhook sender", () => {
  it("signs the exact body with the channel secret and creates unknown users", async () => {
    const { status, json } = await send({ type: "message", text: "こんにちは 🍣" });
    expect(status).toBe(200);
    expect(json.status).toBe(200);
    const [delivery] = received;
    expect(delivery?.body).toBe(json.body);
    expect(delivery?.headers["content-type"]).toBe("application/json; charset=utf-8");
    const signature = String(delivery?.headers["x-line-signature"]);
    expect(await verifySignature(CHANNEL.channelSecret, delivery?.body ?? "", signature)).toBe(true);
    expect(JSON.parse(json.body)).toMatchObject({
      destination: expect.stringMatching(/^U[0-9a-f]{32}$/),
      events: [{ type: "message", message: { text: "こんにちは 🍣" }, webhookEventId: json.webhookEventId }],
    });
    expect((await call<{ users: unknown[] }>("/__sandbox/users")).json.users).toHaveLength(1);
  });

  it("issues a reply token the bot can answer with, shown after the user's message", async () => {
    const { json } = await send({ type: "message", text: "menu?" });
    const reply = await call("/v2/bot/message/reply", { replyToken: json.replyToken, messages: [text("here")] }, { token: true });
    expect(reply.status).toBe(200);
    const chat = await call<{ items: Array<{ from: string; message: unknown }> }>(`/__sandbox/chats/${ALICE}`);
    expect(chat.json.items.map((i) => [i.from, i.message])).toEqual([
      ["user", text("menu?")],
      ["bot", text("here")],
    ]);
  });

  it("redelivers the same event, same id and reply token, flagged as a redelivery", async () => {
    const { json: first } = await send({ type: "postback", data: "action=card" });
    const original = lastEvent();
    const { json: again } = await call<SendResult>("/__sandbox/webhook/redeliver", { webhookEventId: first.webhookEventId });
    const redelivered = lastEvent();
    expect(again.webhookEventId).toBe(first.webhookEventId);
    expect(redelivered).toEqual({ ...original, deliveryContext: { isRedelivery: true } });
    expect(redelivered.replyToken).toBe(first.replyToken);
    expect(await verifySignature(CHANNEL.channelSecret, received[1]?.body ?? "", String(received[1]?.headers["x-line-signature"]))).toBe(
      true,
    );
  });

  it("reports the bot's answer status and marks a follow after an unfollow as an unblock", async () => {
    await send({ type: "follow" });
    expect(lastEvent()).toMatchObject({ follow: { isUnblocked: false } });
    answerStatus = 500;
    expect((await send({ type: "unfollow" })).json.status).toBe(500);
    expect("replyToken" in lastEvent()).toBe(false);
    await send({ type: "follow" });
    expect(lastEvent()).toMatchObject({ follow: { isUnblocked: true } });
  });

  it("runs the account-link dialog: one accountLink event per link token, failed when reused", async () => {
    await call("/__sandbox/users", { userId: ALICE, displayName: "Alice" });
    const { json } = await call<{ linkToken: string }>(`/v2/bot/user/${ALICE}/linkToken`, {}, { token: true });
    const dialog = `${sandbox.url}/dialog/bot/accountLink?linkToken=${json.linkToken}&nonce=bm9uY2Utbm9uY2U`;
    expect((await fetch(dialog)).status).toBe(200);
    expect(lastEvent()).toMatchObject({
      type: "accountLink",
      source: { userId: ALICE },
      link: { result: "ok", nonce: "bm9uY2Utbm9uY2U" },
      replyToken: expect.any(String),
    });
    expect((await fetch(dialog)).status).toBe(400);
    expect(lastEvent()).toMatchObject({ type: "accountLink", link: { result: "failed" } });
    expect("replyToken" in lastEvent()).toBe(false);
  });
});
