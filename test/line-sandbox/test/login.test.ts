import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../src/server.ts";
import { ALICE, CHANNEL } from "./helpers.ts";

let sandbox: RunningSandbox;

async function control<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${sandbox.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function idToken(overrides: Record<string, unknown> = {}): Promise<string> {
  return (await control<{ idToken: string }>("/__sandbox/login/id-token", { userId: ALICE, ...overrides })).idToken;
}

function verify(form: Record<string, string>): Promise<Response> {
  return fetch(`${sandbox.url}/oauth2/v2.1/verify`, { method: "POST", body: new URLSearchParams(form) });
}

beforeAll(async () => {
  sandbox = await startSandbox({ ...CHANNEL, port: 0 });
  await control("/__sandbox/users", { userId: ALICE, displayName: "Alice", pictureUrl: "https://example.com/a.png" });
});
afterAll(() => sandbox.close());

describe("LINE Login", () => {
  it("issues ES256 ID tokens that verify against the JWKS by kid", async () => {
    const token = await idToken({ nonce: "n-123" });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "ES256", kid: expect.any(String) });
    const jwks = createRemoteJWKSet(new URL(`${sandbox.url}/oauth2/v2.1/certs`));
    const { payload } = await jwtVerify(token, jwks, { issuer: sandbox.url, audience: CHANNEL.loginChannelId });
    expect(payload).toMatchObject({
      sub: ALICE,
      name: "Alice",
      picture: "https://example.com/a.png",
      amr: ["linesso"],
      nonce: "n-123",
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
  });

  it("verifies through /oauth2/v2.1/verify like LINE", async () => {
    const ok = await verify({ id_token: await idToken(), client_id: CHANNEL.loginChannelId });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ iss: sandbox.url, sub: ALICE, aud: CHANNEL.loginChannelId });
  });

  it("answers 400 with error_description for an expired token, another channel or a wrong nonce", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ id_token: await idToken({ expiresInSeconds: -60 }), client_id: CHANNEL.loginChannelId }, "IdToken expired."],
      [{ id_token: await idToken(), client_id: "9999999999" }, "Invalid IdToken Audience."],
      [{ id_token: await idToken({ audience: "9999999999" }), client_id: CHANNEL.loginChannelId }, "Invalid IdToken Audience."],
      [{ id_token: await idToken({ nonce: "a" }), client_id: CHANNEL.loginChannelId, nonce: "b" }, "Invalid IdToken Nonce."],
      [{ id_token: "not.a.token", client_id: CHANNEL.loginChannelId }, "Invalid IdToken."],
    ];
    for (const [form, description] of cases) {
      const res = await verify(form);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "invalid_request", error_description: description });
    }
  });

  it("allows cross-origin calls from the LIFF app", async () => {
    const res = await fetch(`${sandbox.url}/__sandbox/login/id-token`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:5173", "access-control-request-method": "POST" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("refuses tokens for users that do not exist", async () => {
    const res = await fetch(`${sandbox.url}/__sandbox/login/id-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: "U0123456789abcdef0123456789abcdef" }),
    });
    expect(res.status).toBe(404);
  });
});
