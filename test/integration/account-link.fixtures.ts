import { hashPassword } from "../../bot/src/features/account-link/secrets.ts";
import { callWorker, idTokenFor, testEnv } from "./helpers.ts";

/** Factories and probes shared by the account-link integration tests. */

let sequence = 0;
/** A member number no other test uses (tests share one database per file). */
export function newMemberNumber(): string {
  sequence += 1;
  return `9${String(Date.now()).slice(-6)}${String(sequence).padStart(3, "0")}`;
}

export interface MemberFixture {
  id: string;
  memberNumber: string;
  name: string;
  birthday: string;
  phoneLast4: string;
}

export async function insertMember(overrides: Partial<MemberFixture> & { lineUserId?: string | null } = {}): Promise<MemberFixture> {
  const memberNumber = overrides.memberNumber ?? newMemberNumber();
  const member: MemberFixture = {
    id: overrides.id ?? `mem-${memberNumber}`,
    memberNumber,
    name: overrides.name ?? "テスト 会員",
    birthday: overrides.birthday ?? "1990-04-12",
    phoneLast4: overrides.phoneLast4 ?? "1234",
  };
  await testEnv.DB.prepare(
    `INSERT INTO members (id, member_number, name, birthday, phone_last4, store_id, line_user_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  )
    .bind(member.id, member.memberNumber, member.name, member.birthday, member.phoneLast4, overrides.lineUserId ?? null, 1, 1)
    .run();
  return member;
}

/** A demo-site account for the member; few PBKDF2 iterations keep the tests quick (the format is the same). */
export async function insertShopAccount(memberId: string, loginId: string, password: string): Promise<void> {
  await testEnv.DB.prepare("INSERT INTO shop_accounts (id, login_id, password_hash, member_id, created_at) VALUES (?, ?, ?, ?, ?)")
    .bind(`acct-${loginId}`, loginId, await hashPassword(password, 1000), memberId, Date.now())
    .run();
}

export async function linkedUserOf(memberId: string): Promise<string | null> {
  const row = await testEnv.DB.prepare("SELECT line_user_id FROM members WHERE id = ?")
    .bind(memberId)
    .first<{ line_user_id: string | null }>();
  return row?.line_user_id ?? null;
}

export async function hasLinkedTag(userId: string): Promise<boolean> {
  const row = await testEnv.DB.prepare(
    "SELECT 1 AS yes FROM friend_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.line_user_id = ? AND t.name = 'linked'",
  )
    .bind(userId)
    .first();
  return row !== null;
}

export async function linkEvents(userId: string): Promise<{ action: string; method: string }[]> {
  const { results } = await testEnv.DB.prepare("SELECT action, method FROM member_link_events WHERE line_user_id = ? ORDER BY id")
    .bind(userId)
    .all<{ action: string; method: string }>();
  return results;
}

/** The LIFF app's calls: the verified ID token of `userId` as bearer. */
export async function accountLinkApi(userId: string, method: "GET" | "POST" | "DELETE", body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await idTokenFor(userId)}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return callWorker("/api/account-link", { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}
