import { ADMIN_ID, callWorker, createLineUser, followedFriend, idTokenFor, registerAdmin, testEnv } from "./helpers.ts";

/** Factories shared by the member-card, points and scanner integration tests. */

export type Headers = Record<string, string>;

function headersFor(token: string): Headers {
  return { authorization: `Bearer ${token}`, "content-type": "application/json" };
}

/** A friend of the account (followed, welcomed), signed in. */
export async function newCustomer(name = "会員"): Promise<{ userId: string; headers: Headers }> {
  const userId = await followedFriend(name);
  return { userId, headers: headersFor(await idTokenFor(userId)) };
}

export async function newStaff(name = "店員"): Promise<{ userId: string; headers: Headers }> {
  const userId = await createLineUser(name);
  await testEnv.DB.prepare("INSERT INTO staff_roles (line_user_id, role, created_at) VALUES (?, 'staff', 0)").bind(userId).run();
  return { userId, headers: headersFor(await idTokenFor(userId)) };
}

let adminReady = false;
export async function adminHeaders(): Promise<Headers> {
  if (!adminReady) {
    await registerAdmin();
    adminReady = true;
  }
  return headersFor(await idTokenFor(ADMIN_ID));
}

export async function call<T>(path: string, headers: Headers, init: { method?: string; body?: unknown } = {}) {
  const response = await callWorker(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export interface CardBody {
  member: { memberNumber: string; name: string; origin: string };
  rank: { id: string; name: string } | null;
  nextRank: { name: string; pointsNeeded: number } | null;
  points: { balance: number; earned: number; expiring: { points: number; firstAt: number } | null };
  history: { kind: string; points: number; reason: string | null; storeName: string | null }[];
  code: { value: string; expiresAt: number; refreshAt: number };
}

export async function openCard(headers: Headers): Promise<CardBody> {
  const { status, body } = await call<CardBody>("/api/card", headers);
  if (status !== 200) throw new Error(`GET /api/card → ${status} ${JSON.stringify(body)}`);
  return body;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { reason?: string } & Record<string, unknown> };
}

export async function setRanks(ranks: { id?: string; name: string; nameEn: string; minPoints: number; multiplierPct: number }[]) {
  const body = { ranks: ranks.map((r) => ({ color: "#06c755", ...r })) };
  const result = await call<{ ranks: { id: string; name: string }[] }>("/api/admin/ranks", await adminHeaders(), { method: "PUT", body });
  if (result.status !== 200) throw new Error(`PUT ranks → ${result.status} ${JSON.stringify(result.body)}`);
  return result.body.ranks;
}

/** Admin adjustment: the simplest way for a test to give a member points through the real ledger. */
export async function adjust(memberNumber: string, points: number, requestKey: string = crypto.randomUUID()) {
  return call<{ created: boolean; points: { balance: number } } & ErrorBody>(
    `/api/admin/points/members/${memberNumber}/adjust`,
    await adminHeaders(),
    { body: { points, reason: "テスト調整", requestKey } },
  );
}

export async function ledgerRows(memberNumber: string) {
  const { results } = await testEnv.DB.prepare(
    "SELECT l.kind, l.points, l.idempotency_key FROM point_ledger l JOIN members m ON m.id = l.member_id WHERE m.member_number = ? ORDER BY l.id",
  )
    .bind(memberNumber)
    .all<{ kind: string; points: number; idempotency_key: string }>();
  return results;
}

export async function auditActions(targetUserId: string) {
  const { results } = await testEnv.DB.prepare(
    "SELECT staff_user_id, store_id, action, details FROM audit_log WHERE target_user_id = ? ORDER BY id",
  )
    .bind(targetUserId)
    .all<{ staff_user_id: string; store_id: string | null; action: string; details: string }>();
  return results;
}

export async function tagsOf(userId: string): Promise<string[]> {
  const { results } = await testEnv.DB.prepare(
    "SELECT t.name FROM friend_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.line_user_id = ?",
  )
    .bind(userId)
    .all<{ name: string }>();
  return results.map((r) => r.name).sort();
}
