import { afterEach, describe, expect, it } from "vitest";
import { callWorker, createLineUser, makeEvent, postWebhook, sandbox, testEnv, waitFor } from "./helpers.ts";
import {
  admin,
  api,
  type MenuDto,
  menuShownTo,
  pngOfSize,
  publishedMenu,
  richMenuCalls,
  savePolicy,
  tagIdOf,
  tagRule,
  uploadImage,
} from "./rich-menus.fixtures.ts";

interface SandboxMenus {
  richMenus: { richMenuId: string; name: string; size: { width: number; height: number }; areas: unknown[] }[];
  defaultRichMenuId: string | null;
  aliases: Record<string, string> | [string, string][] | { richMenuAliasId: string; richMenuId: string }[];
}

function aliasTarget(aliases: SandboxMenus["aliases"], aliasId: string): string | undefined {
  const entries = Array.isArray(aliases)
    ? aliases.map((a) => (Array.isArray(a) ? a : ([a.richMenuAliasId, a.richMenuId] as [string, string])))
    : Object.entries(aliases);
  return entries.find(([id]) => id === aliasId)?.[1];
}

async function followedFriend(name: string): Promise<string> {
  const userId = await createLineUser(name);
  await postWebhook([await makeEvent(userId, { type: "follow" })]);
  await waitFor(
    async () => (await api<{ friends: { userId: string }[] }>("GET", `/api/admin/rich-menus/friends?q=${userId}`)).json.friends.length > 0,
    "friend row",
  );
  return userId;
}

async function staffTag(userId: string, tag: string, method: "POST" | "DELETE" = "POST", tagId?: string): Promise<number> {
  const path = method === "POST" ? `/api/staff/friends/${userId}/tags` : `/api/staff/friends/${userId}/tags/${tagId}`;
  const response = await callWorker(path, {
    method,
    headers: await admin(),
    ...(method === "POST" ? { body: JSON.stringify({ tag }) } : {}),
  });
  return response.status;
}

const linksFor = async (userId: string) => (await richMenuCalls("richMenuLink")).filter((c) => c.path.includes(userId));
const unlinksFor = async (userId: string) => (await richMenuCalls("richMenuUnlink")).filter((c) => c.path.includes(userId));

describe("rich menus", () => {
  afterEach(async () => {
    await sandbox("/__sandbox/faults", { method: "DELETE" });
  });

  it("finds a friend by display name, LINE user ID or the member number they hold", async () => {
    const userId = await followedFriend("会員番号検索さん");
    const other = await followedFriend("別の人");
    const number = `M${Date.now().toString(36).toUpperCase()}`;
    await testEnv.DB.prepare(
      "INSERT INTO members (id, member_number, name, line_user_id, created_at, updated_at) VALUES (?, ?, '検索 太郎', ?, 0, 0)",
    )
      .bind(crypto.randomUUID(), number, userId)
      .run();
    const found = async (q: string) =>
      (await api<{ friends: { userId: string }[] }>("GET", `/api/admin/rich-menus/friends?q=${encodeURIComponent(q)}`)).json.friends.map(
        (f) => f.userId,
      );
    expect(await found(number)).toEqual([userId]);
    expect(await found("会員番号検索")).toEqual([userId]);
    expect(await found(other)).toEqual([other]);
    expect(await found(`${number}X`)).toEqual([]);
  });

  it("publishes a menu to LINE: creates it, uploads the image, points its tab alias and keeps LINE's id", async () => {
    const { id, lineId } = await publishedMenu("公開テスト", "tab-publish");
    const onLine = await sandbox<SandboxMenus>("/__sandbox/richmenus");
    const created = onLine.richMenus.find((m) => m.richMenuId === lineId);
    expect(created).toMatchObject({ name: "公開テスト", size: { width: 1200, height: 405 } });
    expect(created?.areas).toHaveLength(3);
    expect(aliasTarget(onLine.aliases, "tab-publish")).toBe(lineId);
    const image = await fetch(`${testEnv.SANDBOX_URL}/__sandbox/richmenu/${lineId}/image`);
    expect(image.status).toBe(200);

    // Publishing again with nothing changed creates nothing on LINE.
    const creates = (await richMenuCalls("richMenuCreate")).length;
    const again = await api<{ menu: MenuDto }>("POST", `/api/admin/rich-menus/${id}/publish`);
    expect(again.json.menu.published?.lineRichMenuId).toBe(lineId);
    expect(await richMenuCalls("richMenuCreate")).toHaveLength(creates);
  });

  it("refuses an image LINE would not take, with a reason, and keeps the menu as it was", async () => {
    const created = await api<{ menu: MenuDto }>("POST", "/api/admin/rich-menus", {
      name: "画像チェック",
      chatBarText: "メニュー",
      areas: [],
    });
    const tall = await uploadImage(created.json.menu.id, pngOfSize(1000, 900));
    expect(tall.status).toBe(400);
    const body = await tall.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toContain("1.45");

    const notAnImage = await uploadImage(created.json.menu.id, new TextEncoder().encode("GIF89a......"), "image/gif");
    expect(notAnImage.status).toBe(400);
    const tooBig = await uploadImage(created.json.menu.id, new Uint8Array(1024 * 1024 + 70 * 1024));
    expect(tooBig.status).toBe(413);

    const menu = await api<{ menu: MenuDto }>("GET", `/api/admin/rich-menus/${created.json.menu.id}`);
    expect(menu.json.menu.size).toBeNull();
    const publish = await api<{ error: { message: string } }>("POST", `/api/admin/rich-menus/${created.json.menu.id}/publish`);
    expect(publish.status).toBe(400);
    expect(publish.json.error.message).toContain("画像");
  });

  it("refuses a policy that names an unpublished menu, and a save based on an old version", async () => {
    const draft = await api<{ menu: MenuDto }>("POST", "/api/admin/rich-menus", { name: "下書き", chatBarText: "メニュー", areas: [] });
    const refused = await savePolicy([], draft.json.menu.id);
    expect(refused.status).toBe(400);

    const saved = await savePolicy([], null);
    expect(saved.status).toBe(200);
    const stale = await api<{ error: { code: string } }>("PUT", "/api/admin/rich-menus/policy", {
      rules: [],
      defaultMenuId: null,
      version: saved.json.version - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("conflict");
  });

  it("recomputes a friend's menu when their tags change and calls LINE only when the menu changes", async () => {
    const standard = await publishedMenu("標準");
    const vip = await publishedMenu("VIP");
    const vipTag = await tagIdOf("VIP会員");
    const saved = await savePolicy([tagRule("vip", vip.id, vipTag)], standard.id);
    expect(saved.status).toBe(200);
    await waitFor(
      async () => (await sandbox<SandboxMenus>("/__sandbox/richmenus")).defaultRichMenuId === standard.lineId,
      "default menu set",
    );

    // A new friend on the default: nothing to link per user.
    const userId = await followedFriend("リンク回数");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await menuShownTo(userId)).toMatchObject({ source: "default", richMenu: { richMenuId: standard.lineId } });
    expect(await linksFor(userId)).toHaveLength(0);

    expect(await staffTag(userId, "VIP会員")).toBe(201);
    await waitFor(async () => (await menuShownTo(userId)).richMenu?.richMenuId === vip.lineId, "VIP menu linked");
    expect((await menuShownTo(userId)).source).toBe("user");

    // A tag the policy does not look at: recomputed, same menu, no call to LINE.
    expect(await staffTag(userId, "焼き菓子好き")).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await linksFor(userId)).toHaveLength(1);

    expect(await staffTag(userId, "", "DELETE", vipTag)).toBe(200);
    await waitFor(async () => (await menuShownTo(userId)).source === "default", "back on the default menu");
    expect(await linksFor(userId)).toHaveLength(1);
    expect(await unlinksFor(userId)).toHaveLength(1);
  });

  it("shows which rule chose a friend's menu and why the rules before it did not", async () => {
    const standard = await publishedMenu("説明-標準");
    const gold = await publishedMenu("説明-ゴールド");
    const linkedMenu = await publishedMenu("説明-連携済み");
    const goldTag = await tagIdOf("説明ゴールド");
    const rules = [
      tagRule("gold", gold.id, goldTag),
      { id: "linked", name: "連携済み", menuId: linkedMenu.id, conditions: { linked: true } },
      { id: "unlinked", name: "未連携", menuId: standard.id, conditions: { linked: false } },
    ];
    expect((await savePolicy(rules, standard.id)).status).toBe(200);
    const userId = await followedFriend("説明される人");

    const explained = await api<{
      decision: { ruleId: string | null; ruleName: string | null; menuId: string | null };
      rules: { ruleId: string; failed: string | null; chosen: boolean }[];
      chosenMenu: { id: string } | null;
      inSync: boolean;
    }>("GET", `/api/admin/rich-menus/friends/${userId}`);
    expect(explained.status).toBe(200);
    expect(explained.json.decision).toMatchObject({ ruleId: "unlinked", menuId: standard.id });
    expect(explained.json.rules.map((r) => [r.ruleId, r.failed, r.chosen])).toEqual([
      ["gold", "tags.all", false],
      ["linked", "linked", false],
      ["unlinked", null, true],
    ]);
    expect(explained.json.chosenMenu?.id).toBe(standard.id);
    await waitFor(async () => (await api<{ inSync: boolean }>("GET", `/api/admin/rich-menus/friends/${userId}`)).json.inSync, "in sync");
  });
});
