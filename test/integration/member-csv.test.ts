/**
 * Members CSV (decision 024): `GET /api/admin/members/export.csv` and `POST /api/admin/members/import`
 * (dry run, all-or-nothing import, update by member number keeping the LINE link and points).
 */
import { parseCsv } from "@enishi/shared/csv/parse";
import { beforeAll, describe, expect, it } from "vitest";
import type { MemberImportSummary } from "../../bot/src/features/members/member-csv.service.ts";
import { insertMember, newMemberNumber } from "./account-link.fixtures.ts";
import { adjust, newCustomer, openCard } from "./card.fixtures.ts";
import { ADMIN_ID, callWorker, createLineUser, expectJson, idTokenFor, registerAdmin, testEnv } from "./helpers.ts";

type Summary = MemberImportSummary;

async function asAdmin(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${await idTokenFor(ADMIN_ID)}`);
  return callWorker(path, { ...init, headers });
}

const importCsv = (csv: string | Uint8Array, dryRun: boolean) =>
  asAdmin(`/api/admin/members/import?dryRun=${dryRun ? "1" : "0"}`, {
    method: "POST",
    headers: { "content-type": "text/csv; charset=utf-8" },
    body: csv,
  });

async function exportCsv(): Promise<{ text: string; rows: Map<string, Record<string, string>> }> {
  const response = await asAdmin("/api/admin/members/export.csv");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(await response.arrayBuffer());
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`export is not valid CSV: ${JSON.stringify(parsed.problem)}`);
  const [header, ...data] = parsed.records;
  const names = header?.fields ?? [];
  const rows = new Map(data.map((r) => [r.fields[0] ?? "", Object.fromEntries(names.map((n, i) => [n, r.fields[i] ?? ""]))]));
  return { text, rows };
}

async function memberRow(memberNumber: string) {
  return testEnv.DB.prepare(
    "SELECT id, name, name_kana, birthday, phone_last4, store_id, line_user_id, origin FROM members WHERE member_number = ?",
  )
    .bind(memberNumber)
    .first<{
      id: string;
      name: string;
      name_kana: string | null;
      birthday: string | null;
      phone_last4: string | null;
      store_id: string | null;
      line_user_id: string | null;
      origin: string;
    }>();
}

async function countMembers(numbers: string[]): Promise<number> {
  const row = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM members WHERE member_number IN (SELECT value FROM json_each(?))")
    .bind(JSON.stringify(numbers))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

const HEADER = "member_number,name,name_kana,birthday,phone_last4,store_id";

describe("members CSV", () => {
  beforeAll(async () => {
    await registerAdmin();
    await testEnv.DB.prepare("INSERT OR IGNORE INTO stores (id, name, created_at) VALUES ('csv-shibuya', '渋谷店', 0)").run();
  });

  it("exports every member as Excel reads it: BOM, header, RFC 4180 quoting, Japanese, rank, balance, link", async () => {
    const linkedUser = await createLineUser("CSV 連携");
    const linked = await insertMember({ name: '山田, "太郎"', lineUserId: linkedUser });
    await testEnv.DB.prepare("UPDATE members SET name_kana = 'ヤマダ タロウ', store_id = 'csv-shibuya' WHERE id = ?").bind(linked.id).run();
    expect((await adjust(linked.memberNumber, 120)).status).toBe(201);
    const plain = await insertMember({ name: "佐藤 花子" });
    const lineOnly = await newCustomer("LINEだけ");
    const card = await openCard(lineOnly.headers);

    const { text, rows } = await exportCsv();
    const raw = await (await asAdmin("/api/admin/members/export.csv")).arrayBuffer();
    expect([...new Uint8Array(raw).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFmember_number,name,name_kana,store_id,store_name,rank,points,linked,line_user_id,origin,created_at",
    );
    expect(text).toContain(`${linked.memberNumber},"山田, ""太郎""",ヤマダ タロウ,csv-shibuya,渋谷店,`);
    expect(rows.get(linked.memberNumber)).toMatchObject({
      name: '山田, "太郎"',
      points: "120",
      linked: "yes",
      line_user_id: linkedUser,
      origin: "import",
      created_at: "1970-01-01",
    });
    expect(rows.get(linked.memberNumber)?.rank).not.toBe("");
    expect(rows.get(plain.memberNumber)).toMatchObject({ name: "佐藤 花子", points: "0", linked: "no", line_user_id: "", store_id: "" });
    expect(rows.get(card.member.memberNumber)).toMatchObject({ linked: "no", line_user_id: lineOnly.userId, origin: "line" });
    const audit = await testEnv.DB.prepare("SELECT staff_user_id FROM audit_log WHERE action = 'members.export'").all();
    expect(audit.results.length).toBeGreaterThan(0);
  });

  it("streams a large export in pages with every member once and no blank line between pages", async () => {
    const prefix = `7${String(Date.now()).slice(-5)}`;
    await testEnv.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)
       INSERT INTO members (id, member_number, name, created_at, updated_at)
       SELECT 'mem-bulk-' || ? || i, ? || printf('%04d', i), '会員 ' || i, 0, 0 FROM n`,
    )
      .bind(prefix, prefix)
      .run();
    const { text, rows } = await exportCsv();
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).every((line) => line !== "")).toBe(true);
    const bulk = [...rows.keys()].filter((k) => k.startsWith(prefix));
    expect(bulk).toHaveLength(1100);
    expect(lines.length - 2).toBe(rows.size);
  });

  it("previews an import without writing, then imports it: new members created, existing ones updated by number", async () => {
    const existing = await insertMember({ name: "旧 名前" });
    const fresh = [newMemberNumber(), newMemberNumber()];
    // As Excel saves it: a BOM, CRLF, a quoted name with a comma, a 1998/7/21 date and full-width digits.
    const csv =
      `\uFEFF${HEADER}\r\n` +
      `${existing.memberNumber},新 名前,シン ナマエ,1990-04-12,1234,csv-shibuya\r\n` +
      `${fresh[0]},"鈴木, 一郎",スズキ イチロウ,1998/7/21,５６７８,\r\n` +
      `${fresh[1]},高橋 二郎,,,,\r\n`;

    const preview = await expectJson<Summary>(await importCsv(csv, true), 200);
    expect(preview).toMatchObject({ dryRun: true, imported: false, rows: 3, created: 2, updated: 1, unchanged: 0, problems: [] });
    expect(await countMembers(fresh)).toBe(0);
    expect((await memberRow(existing.memberNumber))?.name).toBe("旧 名前");

    const done = await expectJson<Summary>(await importCsv(csv, false), 200);
    expect(done).toMatchObject({ dryRun: false, imported: true, created: 2, updated: 1, unchanged: 0 });
    expect(await memberRow(fresh[0] ?? "")).toMatchObject({
      name: "鈴木, 一郎",
      name_kana: "スズキ イチロウ",
      birthday: "1998-07-21",
      phone_last4: "5678",
      store_id: null,
      line_user_id: null,
      origin: "import",
    });
    expect(await memberRow(existing.memberNumber)).toMatchObject({ name: "新 名前", name_kana: "シン ナマエ", store_id: "csv-shibuya" });

    // The same file again changes nothing.
    expect(await expectJson<Summary>(await importCsv(csv, false), 200)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const audits = await testEnv.DB.prepare(
      "SELECT staff_user_id, details FROM audit_log WHERE action = 'members.import' ORDER BY id DESC LIMIT 2",
    ).all<{ staff_user_id: string; details: string }>();
    expect(audits.results.map((a) => [a.staff_user_id, JSON.parse(a.details).created, JSON.parse(a.details).unchanged])).toEqual([
      [ADMIN_ID, 0, 3],
      [ADMIN_ID, 2, 0],
    ]);
  });

  it("updates a linked member by number without touching their LINE link, origin or points", async () => {
    const userId = await createLineUser("CSV 連携済み");
    const member = await insertMember({ name: "連携 会員", lineUserId: userId });
    expect((await adjust(member.memberNumber, 300)).status).toBe(201);
    // Only member_number and name: the member's other columns stay as they are.
    const csv = `member_number,name\n${member.memberNumber},連携 会員（改）\n`;
    expect(await expectJson<Summary>(await importCsv(csv, false), 200)).toMatchObject({ updated: 1, columns: ["member_number", "name"] });
    expect(await memberRow(member.memberNumber)).toMatchObject({
      id: member.id,
      name: "連携 会員（改）",
      birthday: member.birthday,
      phone_last4: member.phoneLast4,
      line_user_id: userId,
      origin: "import",
    });
    const balance = await testEnv.DB.prepare("SELECT SUM(points) AS p FROM point_ledger WHERE member_id = ?")
      .bind(member.id)
      .first<{ p: number }>();
    expect(balance?.p).toBe(300);
  });

  it("reports every bad row with its file line and reason, and a real import of it writes nothing", async () => {
    const good = newMemberNumber();
    const dup = newMemberNumber();
    const lineOnly = await newCustomer("CSV LINEのみ");
    const lineOnlyNumber = (await openCard(lineOnly.headers)).member.memberNumber;
    const csv = [
      HEADER,
      `${good},"住所に
改行",,,,`, // lines 2–3: a quoted line break, so the next record starts on line 4
      `${dup},重複 一,,,,`,
      `${dup},重複 二,,,,`,
      `,名無し,,,,`,
      `${newMemberNumber()},,,,,`,
      `${newMemberNumber()},日付,,2024-02-30,,`,
      `${newMemberNumber()},電話,,,123,`,
      `${newMemberNumber()},店舗,,,,no-such-store`,
      `${newMemberNumber()},列不足`,
      `${lineOnlyNumber},LINEだけ,,,,`,
    ].join("\r\n");

    const preview = await expectJson<Summary>(await importCsv(csv, true), 200);
    expect(preview.problems.map((p) => [p.line, p.column])).toEqual([
      [5, "member_number"],
      [6, "member_number"],
      [7, "name"],
      [8, "birthday"],
      [9, "phone_last4"],
      [10, "store_id"],
      [11, null],
      [12, "member_number"],
    ]);
    expect(preview.problems[0]?.message).toMatch(/^会員番号が4行目と重複しています \/ Same member_number as line 4/);
    expect(preview.problems.find((p) => p.line === 9)?.message).toContain("先頭の 0");
    expect(preview).toMatchObject({ rows: 10, created: 2 });

    const real = await importCsv(csv, false);
    const body = await expectJson<{ error: { code: string; message: string; details: { summary: Summary } } }>(real, 400);
    expect(body.error.message).toContain("何も取り込んでいません");
    expect(body.error.details.summary.problems).toHaveLength(8);
    expect(await countMembers([good, dup])).toBe(0);
  });

  it("refuses files it cannot read: no header, broken quoting, not UTF-8, too large, too many rows", async () => {
    const noHeader = await importCsv(`${newMemberNumber()},名前\n`, true);
    expect((await expectJson<{ error: { message: string } }>(noHeader, 400)).error.message).toContain("見出し");
    const unknownColumn = await importCsv("member_number,name,email\n1,a,b\n", true);
    expect((await expectJson<{ error: { message: string } }>(unknownColumn, 400)).error.message).toContain("email");
    const quote = await importCsv(`${HEADER}\n1,"open,,,,\n`, true);
    expect((await expectJson<{ error: { message: string } }>(quote, 400)).error.message).toContain("2行目");
    // 「山田」 in Shift_JIS.
    const sjis = new Uint8Array([...new TextEncoder().encode("member_number,name\n1,"), 0x8e, 0x52, 0x93, 0x63, 0x0a]);
    const notUtf8 = await importCsv(sjis, true);
    expect((await expectJson<{ error: { message: string } }>(notUtf8, 400)).error.message).toContain("UTF-8");
    const big = await importCsv(`${HEADER}\n${"x".repeat(1_000_001)}`, true);
    expect(big.status).toBe(413);
    const many = `member_number,name\n${Array.from({ length: 5001 }, (_, i) => `${i + 1},n`).join("\n")}\n`;
    expect((await expectJson<{ error: { message: string } }>(await importCsv(many, true), 400)).error.message).toContain("5000");
  });

  it("re-imports an exported file unchanged (LINE-only cards in it are skipped)", async () => {
    await newCustomer("CSV 往復");
    const { text } = await exportCsv();
    const summary = await expectJson<Summary>(await importCsv(text, true), 200);
    expect(summary).toMatchObject({ created: 0, updated: 0, problems: [] });
    expect(summary.skipped).toBeGreaterThan(0);
    expect(summary.unchanged + summary.skipped).toBe(summary.rows);
  });

  it("is for admins only", async () => {
    const customer = await newCustomer("CSV 客");
    const headers = { authorization: `Bearer ${await idTokenFor(customer.userId)}` };
    expect((await callWorker("/api/admin/members/export.csv", { headers })).status).toBe(403);
    const number = newMemberNumber();
    const post = await callWorker("/api/admin/members/import?dryRun=0", {
      method: "POST",
      headers: { ...headers, "content-type": "text/csv" },
      body: `member_number,name\n${number},侵入\n`,
    });
    expect(post.status).toBe(403);
    expect(await countMembers([number])).toBe(0);
    expect((await callWorker("/api/admin/members/export.csv")).status).toBe(401);
  });
});
