import { buildTrackedLinkUrl, deriveLinkKey } from "@enishi/shared/links/index";
import { beforeAll, describe, expect, it } from "vitest";
import { callAsAdmin, callWorker, expectJson, newUserId, registerAdmin, testEnv } from "./helpers.ts";

const admin = callAsAdmin;

interface LinkDto {
  id: string;
  code: string;
  url: string;
  clicks: number;
  uniqueUsers: number;
  tagName: string | null;
}

// The deployment's secret as vitest.config.ts binds it: the test signs URLs the way a sending feature would.
const key = deriveLinkKey("integration-card-code-secret");
const signedPath = async (code: string, userId: string) =>
  new URL(await buildTrackedLinkUrl("http://enishi.test", await key, code, userId)).href.replace("http://enishi.test", "");

async function addFriend(name: string): Promise<string> {
  const userId = newUserId();
  await testEnv.DB.prepare(
    "INSERT INTO friends (line_user_id, display_name, status, created_at, updated_at) VALUES (?, ?, 'following', 0, 0)",
  )
    .bind(userId, name)
    .run();
  return userId;
}

async function clicksOf(linkId: string): Promise<{ line_user_id: string | null }[]> {
  const { results } = await testEnv.DB.prepare("SELECT line_user_id FROM link_clicks WHERE link_id = ? ORDER BY id").bind(linkId).all();
  return results as { line_user_id: string | null }[];
}

async function tagEventsOf(userId: string, linkId: string): Promise<{ action: string; source: string }[]> {
  const { results } = await testEnv.DB.prepare("SELECT action, source FROM tag_events WHERE line_user_id = ? AND source_ref = ?")
    .bind(userId, linkId)
    .all();
  return results as { action: string; source: string }[];
}

describe("tracked links", () => {
  let tagged: LinkDto;
  let plain: LinkDto;

  beforeAll(async () => {
    await registerAdmin();
    await testEnv.DB.prepare("INSERT INTO tags (id, name, created_at) VALUES ('link-spring', '春キャンペーン興味あり', 0)").run();
    tagged = await expectJson<LinkDto>(
      await admin("/api/admin/links", {
        body: { name: "春の新作", destination: "https://shop.example/spring?ref=line", code: "spring26", tagId: "link-spring" },
      }),
      201,
    );
    plain = await expectJson<LinkDto>(
      await admin("/api/admin/links", { body: { name: "店舗案内", destination: "https://shop.example/stores" } }),
      201,
    );
  });

  it("redirects a signed click, records it for the friend and tags them once however often they click", async () => {
    const userId = await addFriend("クリックさん");
    const path = await signedPath("spring26", userId);
    for (let i = 0; i < 2; i++) {
      const response = await callWorker(path, { redirect: "manual" });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("https://shop.example/spring?ref=line");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    }
    expect((await clicksOf(tagged.id)).filter((c) => c.line_user_id === userId)).toHaveLength(2);
    expect(await tagEventsOf(userId, tagged.id)).toEqual([{ action: "add", source: "link" }]);
    const tag = await testEnv.DB.prepare("SELECT source FROM friend_tags WHERE line_user_id = ? AND tag_id = 'link-spring'")
      .bind(userId)
      .first();
    expect(tag).toEqual({ source: "link" });
  });

  it("counts a click with a tampered signature as anonymous and tags no one", async () => {
    const victim = await addFriend("なりすまされ");
    const attacker = await addFriend("なりすまし");
    // The attacker's own valid signature, moved onto someone else's ID.
    const own = new URL(`http://x${await signedPath("spring26", attacker)}`).searchParams.get("u") ?? "";
    const forged = `/r/spring26?u=${victim}.${own.split(".")[1]}`;
    const before = (await clicksOf(tagged.id)).length;
    const response = await callWorker(forged, { redirect: "manual" });
    expect(response.status).toBe(302);
    const clicks = await clicksOf(tagged.id);
    expect(clicks).toHaveLength(before + 1);
    expect(clicks.at(-1)).toEqual({ line_user_id: null });
    expect(await tagEventsOf(victim, tagged.id)).toEqual([]);
  });

  it("counts an unsigned click anonymously", async () => {
    const response = await callWorker(`/r/${plain.code}`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://shop.example/stores");
    expect(await clicksOf(plain.id)).toEqual([{ line_user_id: null }]);
  });

  it("answers an unknown code with a Japanese-first 404 page", async () => {
    const response = await callWorker("/r/no-such-link", { redirect: "manual" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    const body = html.slice(html.indexOf("<body>"));
    expect(body).toContain("This link is invalid");
    expect(body.indexOf("リンクが見つかりません")).toBeLessThan(body.indexOf("This link is invalid"));
  });

  it("lists links with clicks and unique users", async () => {
    const { links } = await expectJson<{ links: LinkDto[] }>(await admin("/api/admin/links"), 200);
    const spring = links.find((l) => l.id === tagged.id);
    expect(spring).toMatchObject({ clicks: 3, uniqueUsers: 1, tagName: "春キャンペーン興味あり" });
    expect(spring?.url).toBe("http://app.test/r/spring26");
  });

  it("refuses non-web destinations, bad and taken codes, and unknown tags with clear messages", async () => {
    const bad = async (body: object, status: number, code: string) => {
      const error = await expectJson<{ error: { code: string; message: string } }>(await admin("/api/admin/links", { body }), status);
      expect(error.error.code).toBe(code);
      return error.error.message;
    };
    expect(await bad({ name: "x", destination: "javascript:alert(1)" }, 400, "validation_failed")).toContain("https://");
    expect(await bad({ name: "x", destination: "https://e.com", code: "a/b" }, 400, "validation_failed")).toContain("code");
    expect(await bad({ name: "x", destination: "https://e.com", code: "spring26" }, 409, "conflict")).toContain("既に使われています");
    expect(await bad({ name: "x", destination: "https://e.com", tagId: "nope" }, 400, "validation_failed")).toContain("タグ");
    const anonymous = await callWorker("/api/admin/links", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(anonymous.status).toBe(401);
  });

  it("segments friends by the links they clicked", async () => {
    const clickedBoth = await addFriend("両方");
    const clickedPlain = await addFriend("案内だけ");
    await addFriend("クリックなし");
    await callWorker(await signedPath("spring26", clickedBoth), { redirect: "manual" });
    await callWorker(await signedPath(plain.code, clickedBoth), { redirect: "manual" });
    await callWorker(await signedPath(plain.code, clickedPlain), { redirect: "manual" });
    const count = async (condition: object) =>
      (
        await expectJson<{ count: number }>(
          await admin("/api/admin/segments/count", { body: { filter: { kind: "group", match: "all", conditions: [condition] } } }),
          200,
        )
      ).count;
    // Earlier tests: one attributed clicker of spring26. Anonymous clicks belong to no one.
    expect(await count({ kind: "clickedLink", linkId: plain.id })).toBe(2);
    expect(await count({ kind: "clickedLink", linkId: tagged.id, range: { op: "withinDays", days: 1 } })).toBe(2);
    expect(await count({ kind: "clickedLink" })).toBe(3);
  });

  it("deletes a link with its clicks; its URL then shows the not-found page", async () => {
    await expectJson(await admin(`/api/admin/links/${plain.id}`, { method: "DELETE" }), 200);
    expect(await clicksOf(plain.id)).toEqual([]);
    expect((await callWorker(`/r/${plain.code}`, { redirect: "manual" })).status).toBe(404);
    expect((await admin(`/api/admin/links/${plain.id}`, { method: "DELETE" })).status).toBe(404);
  });
});
