import { describe, expect, it } from "vitest";
import { asRedelivery, buildEvent, serializeWebhookBody, signedWebhookRequest } from "../src/events.ts";
import { ulid } from "../src/ids.ts";
import { signBody, verifySignature } from "../src/signature.ts";
import { ALICE } from "./helpers.ts";

describe("signature", () => {
  it("matches LINE's test vector", async () => {
    expect(await signBody("test_secret", '{"hello":"world"}')).toBe("t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=");
  });

  it("verifies its own signatures and rejects a changed body, a wrong secret or garbage", async () => {
    const body = '{"events":[]}';
    const signature = await signBody("secret", body);
    expect(await verifySignature("secret", body, signature)).toBe(true);
    expect(await verifySignature("secret", new TextEncoder().encode(body), signature)).toBe(true);
    expect(await verifySignature("secret", '{"events": []}', signature)).toBe(false);
    expect(await verifySignature("other", body, signature)).toBe(false);
    expect(await verifySignature("secret", body, "not base64!")).toBe(false);
    expect(await verifySignature("secret", body, null)).toBe(false);
  });
});

describe("events", () => {
  it("makes ULIDs whose prefix encodes the time, so they sort by time", () => {
    const early = ulid(1_700_000_000_000);
    const late = ulid(1_700_000_000_001);
    expect(early).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(early.slice(0, 10) < late.slice(0, 10)).toBe(true);
    expect(ulid(0).slice(0, 10)).toBe("0000000000");
  });

  it("builds a text message event with the fields webhook.yml requires", () => {
    const event = buildEvent({ type: "message", text: "hello" }, { userId: ALICE, timestamp: 42 });
    expect(event).toMatchObject({
      type: "message",
      mode: "active",
      timestamp: 42,
      source: { type: "user", userId: ALICE },
      deliveryContext: { isRedelivery: false },
      message: { type: "text", text: "hello" },
    });
    if (event.type !== "message") throw new Error("expected a message event");
    expect(event.replyToken).toEqual(expect.any(String));
    expect(event.message.id).toMatch(/^\d{18}$/);
    expect(event.message.quoteToken).toEqual(expect.any(String));
    expect(event.message.markAsReadToken).toEqual(expect.any(String));
  });

  it("gives reply tokens to follow, postback and successful account links only", () => {
    const options = { userId: ALICE };
    expect(buildEvent({ type: "follow" }, options)).toMatchObject({ follow: { isUnblocked: false }, replyToken: expect.any(String) });
    expect(buildEvent({ type: "postback", data: "a=1" }, options)).toMatchObject({ postback: { data: "a=1" } });
    expect("replyToken" in buildEvent({ type: "unfollow" }, options)).toBe(false);
    expect("replyToken" in buildEvent({ type: "accountLink", result: "failed", nonce: "n" }, options)).toBe(false);
    expect(buildEvent({ type: "accountLink", result: "ok", nonce: "n" }, options)).toMatchObject({
      link: { result: "ok", nonce: "n" },
      replyToken: expect.any(String),
    });
  });

  it("redelivers the same event with only the redelivery flag changed", () => {
    const event = buildEvent({ type: "message", text: "hi" }, { userId: ALICE });
    const again = asRedelivery(event);
    expect(again).toEqual({ ...event, deliveryContext: { isRedelivery: true } });
    expect(event.deliveryContext.isRedelivery).toBe(false);
  });

  it("escapes emoji like LINE and signs the escaped bytes", async () => {
    const event = buildEvent({ type: "message", text: "yay 🎉 ありがとう" }, { userId: ALICE });
    const body = { destination: ALICE, events: [event] };
    const serialized = serializeWebhookBody(body);
    expect(serialized).toContain("yay \\uD83C\\uDF89 ありがとう");
    expect(JSON.parse(serialized)).toEqual(body);
    const request = await signedWebhookRequest("secret", body);
    expect(request.body).toBe(serialized);
    expect(request.headers["x-line-signature"]).toBe(await signBody("secret", serialized));
    // Re-serialising the parsed body (what a careless bot does) breaks the signature.
    expect(await verifySignature("secret", JSON.stringify(JSON.parse(serialized)), request.signature)).toBe(false);
  });
});
