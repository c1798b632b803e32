// The Worker talks to LINE through @line/bot-sdk 11 with its base URLs pointed at the sandbox. These tests
// drive the sandbox with that same client, so a path, header or body shape the SDK uses and the sandbox
// does not understand fails here rather than in the Worker's tests.
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../src/server.ts";
import { ALICE, CHANNEL, pngBytes, richMenuBody } from "./helpers.ts";

let sandbox: RunningSandbox;
let client: messagingApi.MessagingApiClient;
let blob: messagingApi.MessagingApiBlobClient;

beforeAll(async () => {
  sandbox = await startSandbox({ ...CHANNEL, port: 0 });
  client = new messagingApi.MessagingApiClient({ channelAccessToken: CHANNEL.channelAccessToken, baseURL: sandbox.url });
  blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: CHANNEL.channelAccessToken, baseURL: sandbox.url });
  await fetch(`${sandbox.url}/__sandbox/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId: ALICE, displayName: "Alice" }),
  });
});
afterAll(() => sandbox.close());

describe("@line/bot-sdk against the sandbox", () => {
  it("pushes with a retry key and sees 409 with the accepted request ID on the retry", async () => {
    const retryKey = crypto.randomUUID();
    const first = await client.pushMessageWithHttpInfo({ to: ALICE, messages: [{ type: "text", text: "hi" }] }, retryKey);
    expect(first.body.sentMessages).toHaveLength(1);
    const acceptedId = first.httpResponse.headers.get("x-line-request-id");
    const retry = await client.pushMessage({ to: ALICE, messages: [{ type: "text", text: "hi" }] }, retryKey).catch((e) => e);
    expect(retry).toBeInstanceOf(HTTPFetchError);
    expect(retry.status).toBe(409);
    expect(retry.headers.get("x-line-accepted-request-id")).toBe(acceptedId);
  });

  it("reads a profile and shows the loading animation", async () => {
    expect(await client.getProfile(ALICE)).toMatchObject({ userId: ALICE, displayName: "Alice" });
    await client.showLoadingAnimation({ chatId: ALICE, loadingSeconds: 10 });
    const chat = await (await fetch(`${sandbox.url}/__sandbox/chats/${ALICE}`)).json();
    expect(chat.loadingUntil).toEqual(expect.any(String));
  });

  it("creates a rich menu, uploads its image via the blob client and links it", async () => {
    const { richMenuId } = await client.createRichMenu(richMenuBody() as messagingApi.RichMenuRequest);
    await blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(pngBytes())], { type: "image/png" }));
    await client.linkRichMenuIdToUser(ALICE, richMenuId);
    expect(await client.getRichMenuIdOfUser(ALICE)).toEqual({ richMenuId });
    await client.setDefaultRichMenu(richMenuId);
    expect(await client.getDefaultRichMenuId()).toEqual({ richMenuId });
    await client.createRichMenuAlias({ richMenuAliasId: "main", richMenuId });
    expect((await client.getRichMenuAliasList()).aliases).toEqual([{ richMenuAliasId: "main", richMenuId }]);
    await client.linkRichMenuIdToUsers({ richMenuId, userIds: [ALICE] });
    await client.unlinkRichMenuIdFromUser(ALICE);
    expect((await client.getRichMenuList()).richmenus.map((m) => m.richMenuId)).toEqual([richMenuId]);
  });

  it("issues a link token and reports the quota", async () => {
    expect((await client.issueLinkToken(ALICE)).linkToken).toEqual(expect.any(String));
    expect(await client.getMessageQuota()).toEqual({ type: "none" });
    expect((await client.getMessageQuotaConsumption()).totalUsage).toBeGreaterThanOrEqual(1);
  });
});
