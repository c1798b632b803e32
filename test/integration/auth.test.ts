import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { ADMIN_ID, callWorker, createLineUser, idTokenFor, registerAdmin, sandbox, testEnv } from "./helpers.ts";

function getMe(token: string | undefined): Promise<Response> {
  return callWorker("/api/me", token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

async function forgedToken(userId: string): Promise<string> {
  // Same claims and the sandbox's key id, but signed by a key LINE never published.
  const { keys } = await sandbox<{ keys: { kid: string }[] }>("/oauth2/v2.1/certs");
  const { privateKey } = await generateKeyPair("ES256");
  return new SignJWT({ name: "偽物" })
    .setProtectedHeader({ alg: "ES256", kid: keys[0]?.kid ?? "x" })
    .setIssuer(testEnv.SANDBOX_URL)
    .setAudience("1234567890")
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(privateKey);
}

function unsignedToken(userId: string): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replaceAll("=", "").replaceAll("+", "-").replaceAll("/", "_");
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: "none", typ: "JWT" })}.${encode({ iss: testEnv.SANDBOX_URL, aud: "1234567890", sub: userId, iat: now, exp: now + 3600 })}.`;
}

describe("ID token verification", () => {
  it("accepts a valid LIFF ID token and takes the user ID from it", async () => {
    const userId = await createLineUser("本人");
    const response = await getMe(await idTokenFor(userId));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ userId, displayName: "本人", roles: [] });
  });

  it.each([
    ["missing", async (_userId: string) => undefined],
    ["expired", (userId: string) => idTokenFor(userId, { expiresInSeconds: -600 })],
    ["for another channel", (userId: string) => idTokenFor(userId, { audience: "9999999999" })],
    ["forged", forgedToken],
    ["alg none", async (userId: string) => unsignedToken(userId)],
    ["garbage", async () => "not.a.jwt"],
  ])("answers 401 for a %s token", async (_name, makeToken) => {
    const userId = await createLineUser("攻撃");
    const response = await getMe(await makeToken(userId));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });
});

describe("role guards", () => {
  async function asUser(path: string, userId: string, init: RequestInit = {}): Promise<Response> {
    const token = await idTokenFor(userId);
    return callWorker(path, {
      ...init,
      headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
  }

  it("keeps customers out of the staff and admin APIs", async () => {
    const customer = await createLineUser("お客様");
    expect((await asUser("/api/staff/conversations", customer)).status).toBe(403);
    expect((await asUser("/api/admin/staff", customer)).status).toBe(403);
  });

  it("lets staff into the staff API but not the admin API", async () => {
    const staff = await createLineUser("スタッフ");
    await testEnv.DB.prepare("INSERT INTO staff_roles (line_user_id, role, created_at) VALUES (?, 'staff', 0)").bind(staff).run();
    expect((await asUser("/api/staff/conversations", staff)).status).toBe(200);
    expect((await asUser("/api/admin/staff", staff)).status).toBe(403);
  });

  it("treats ADMIN_LINE_USER_IDS as admins who can grant roles", async () => {
    await registerAdmin();
    const newcomer = await createLineUser("新人");
    const grant = await asUser("/api/admin/staff", ADMIN_ID, { method: "POST", body: JSON.stringify({ userId: newcomer, role: "staff" }) });
    expect(grant.status).toBe(201);
    expect((await asUser("/api/staff/conversations", newcomer)).status).toBe(200);

    const bad = await asUser("/api/admin/staff", ADMIN_ID, { method: "POST", body: JSON.stringify({ userId: "someone", role: "owner" }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed" } });
  });
});
