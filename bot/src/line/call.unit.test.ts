import { HTTPFetchError } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { callLine } from "./call.ts";
import { LineApiError } from "./errors.ts";

function ok(requestId = "req-1") {
  return { httpResponse: new Response("{}", { headers: { "x-line-request-id": requestId } }), body: {} };
}

function httpError(status: number, body = "{}", headers: Record<string, string> = {}) {
  return new HTTPFetchError("fail", { status, statusText: String(status), headers: new Headers(headers), body });
}

const fast = { timeoutMs: 200, backoffMs: 1 };

describe("callLine", () => {
  it("retries 5xx and succeeds with the same call", async () => {
    let calls = 0;
    const result = await callLine(
      "push",
      async () => {
        calls++;
        if (calls < 3) throw httpError(503);
        return ok();
      },
      { ...fast, retry: true },
    );
    expect(calls).toBe(3);
    expect(result).toMatchObject({ requestId: "req-1", attempts: 3, alreadyAccepted: false });
  });

  it("never retries a 4xx", async () => {
    let calls = 0;
    const attempt = callLine(
      "push",
      async () => {
        calls++;
        throw httpError(400, '{"message":"The request body has 1 error(s)"}');
      },
      { ...fast, retry: true },
    );
    await expect(attempt).rejects.toMatchObject({ status: 400, permanent: true });
    expect(calls).toBe(1);
  });

  it("treats 409 on a retry-keyed call as already delivered", async () => {
    const result = await callLine(
      "push",
      async () => {
        throw httpError(409, "{}", { "x-line-accepted-request-id": "accepted-1" });
      },
      { ...fast, retry: true },
    );
    expect(result).toMatchObject({ alreadyAccepted: true, requestId: "accepted-1" });
  });

  it("tells an exhausted monthly quota from a burst rate limit", async () => {
    const quota = callLine(
      "push",
      async () => {
        throw httpError(429, '{"message":"You have reached your monthly limit."}');
      },
      { ...fast, retry: true },
    );
    await expect(quota).rejects.toMatchObject({ quotaExhausted: true, rateLimited: true });
    const burst = callLine(
      "push",
      async () => {
        throw httpError(429, '{"message":"The API rate limit has been exceeded. Try again later."}');
      },
      { ...fast, retry: true },
    );
    await expect(burst).rejects.toMatchObject({ quotaExhausted: false, rateLimited: true });
  });

  it("gives up after the attempts on timeouts, with a retryable error", async () => {
    let calls = 0;
    const attempt = callLine(
      "push",
      () => {
        calls++;
        return new Promise<never>(() => {});
      },
      { timeoutMs: 20, backoffMs: 1, retry: true, maxAttempts: 3 },
    );
    await expect(attempt).rejects.toBeInstanceOf(LineApiError);
    await expect(attempt).rejects.toMatchObject({ permanent: false, status: null });
    expect(calls).toBe(3);
  });
});
