import { describe, expect, it } from "vitest";
import { makeDeps } from "../../bot/src/deps.ts";
import { notifyTagChanged, type TagChanged } from "../../bot/src/features/tags/tag-listeners.ts";
import { addTag } from "../../bot/src/features/tags/tags.service.ts";
import { ADMIN_ID, createLineUser, makeEvent, postWebhook, testEnv, waitFor } from "./helpers.ts";
import { api, publishedMenu, savePolicy, tagIdOf, tagRule } from "./rich-menus.fixtures.ts";

async function friend(name: string): Promise<string> {
  const userId = await createLineUser(name);
  await postWebhook([await makeEvent(userId, { type: "follow" })]);
  await waitFor(async () => (await api("GET", `/api/staff/friends/${userId}/tags`)).status === 200, "friend row");
  return userId;
}

interface FriendTags {
  tags: { id: string; name: string; source: string }[];
  history: { tag: string; action: string; source: string; sourceRef: string | null }[];
}

describe("tags", () => {
  it("lets staff tag and untag a friend, recording who did it and when", async () => {
    const userId = await friend("タグ付け");
    expect((await api("POST", `/api/staff/friends/${userId}/tags`, { tag: "試飲会参加" })).status).toBe(201);
    // The same tag again changes nothing.
    expect(await api("POST", `/api/staff/friends/${userId}/tags`, { tag: "試飲会参加" })).toMatchObject({
      status: 200,
      json: { added: false },
    });

    const tagged = await api<FriendTags>("GET", `/api/staff/friends/${userId}/tags`);
    const tag = tagged.json.tags.find((t) => t.name === "試飲会参加");
    expect(tag).toMatchObject({ source: "staff" });
    expect((await api("DELETE", `/api/staff/friends/${userId}/tags/${tag?.id}`)).status).toBe(200);
    expect((await api("DELETE", `/api/staff/friends/${userId}/tags/${tag?.id}`)).status).toBe(404);

    const after = await api<FriendTags>("GET", `/api/staff/friends/${userId}/tags`);
    expect(after.json.tags.map((t) => t.name)).not.toContain("試飲会参加");
    expect(after.json.history.map((h) => [h.tag, h.action, h.source, h.sourceRef])).toEqual([
      ["試飲会参加", "remove", "staff", ADMIN_ID],
      ["試飲会参加", "add", "staff", ADMIN_ID],
    ]);
  });

  it("answers bad input with a clear 400 and unknown friends with 404", async () => {
    const userId = await friend("入力チェック");
    const empty = await api<{ error: { code: string; message: string } }>("POST", `/api/staff/friends/${userId}/tags`, { tag: "  " });
    expect(empty.status).toBe(400);
    expect(empty.json.error).toMatchObject({ code: "validation_failed" });
    expect(empty.json.error.message).toContain("タグ名");
    expect((await api("POST", "/api/staff/friends/not-a-user/tags", { tag: "x" })).status).toBe(400);
    expect((await api("POST", "/api/staff/friends/U0123456789abcdef0123456789abcdef/tags", { tag: "x" })).status).toBe(404);
  });

  it("manages tag groups and colours; a group's deletion leaves its tags ungrouped", async () => {
    const group = await api<{ id: string }>("POST", "/api/admin/tags/groups", { name: "来店きっかけ", color: "#3366ff" });
    expect(group.status).toBe(201);
    const tag = await api<{ id: string }>("POST", "/api/admin/tags", { name: "Instagram", groupId: group.json.id, color: "#e1306c" });
    expect(tag.status).toBe(201);
    expect((await api("POST", "/api/admin/tags", { name: "Instagram" })).status).toBe(409);
    expect((await api("POST", "/api/admin/tags", { name: "色違い", color: "red" })).status).toBe(400);
    expect((await api("PATCH", `/api/admin/tags/${tag.json.id}`, {})).status).toBe(400);

    expect((await api("DELETE", `/api/admin/tags/groups/${group.json.id}`)).status).toBe(200);
    const list = await api<{ groups: { id: string }[]; tags: { id: string; groupId: string | null; color: string | null }[] }>(
      "GET",
      "/api/admin/tags",
    );
    expect(list.json.groups.map((g) => g.id)).not.toContain(group.json.id);
    expect(list.json.tags.find((t) => t.id === tag.json.id)).toMatchObject({ groupId: null, color: "#e1306c" });
  });

  it("deletes a group and ungroups its tags in one step: a deletion that fails leaves both as they were", async () => {
    const group = await api<{ id: string }>("POST", "/api/admin/tags/groups", { name: "一括削除", color: "#22aa66" });
    const tag = await api<{ id: string }>("POST", "/api/admin/tags", { name: "一括削除のタグ", groupId: group.json.id });
    type Listing = { groups: { id: string }[]; tags: { id: string; groupId: string | null }[] };
    // The database refuses to delete this group, after the tags would have been ungrouped.
    await testEnv.DB.prepare(
      `CREATE TRIGGER refuse_group_delete BEFORE DELETE ON tag_groups WHEN OLD.id = '${group.json.id}'
       BEGIN SELECT RAISE(ABORT, 'test: group deletion refused'); END`,
    ).run();
    try {
      expect((await api("DELETE", `/api/admin/tags/groups/${group.json.id}`)).status).toBe(500);
    } finally {
      await testEnv.DB.prepare("DROP TRIGGER refuse_group_delete").run();
    }
    const kept = await api<Listing>("GET", "/api/admin/tags");
    expect(kept.json.groups.map((g) => g.id)).toContain(group.json.id);
    expect(kept.json.tags.find((t) => t.id === tag.json.id)?.groupId).toBe(group.json.id);

    expect((await api("DELETE", `/api/admin/tags/groups/${group.json.id}`)).status).toBe(200);
    const after = await api<Listing>("GET", "/api/admin/tags");
    expect(after.json.groups.map((g) => g.id)).not.toContain(group.json.id);
    expect(after.json.tags.find((t) => t.id === tag.json.id)?.groupId).toBeNull();
  });

  it("refuses to archive a tag the rich-menu policy relies on", async () => {
    const menu = await publishedMenu("アーカイブ確認");
    const tagId = await tagIdOf("ポリシーで使用");
    expect((await savePolicy([tagRule("uses-tag", menu.id, tagId)], null)).status).toBe(200);
    const refused = await api<{ error: { code: string } }>("PATCH", `/api/admin/tags/${tagId}`, { archived: true });
    expect(refused.status).toBe(409);
    expect((await savePolicy([], null)).status).toBe(200);
    expect((await api("PATCH", `/api/admin/tags/${tagId}`, { archived: true })).status).toBe(200);
    const active = await api<{ tags: { id: string }[] }>("GET", "/api/admin/tags");
    expect(active.json.tags.map((t) => t.id)).not.toContain(tagId);
  });

  it("tells every tag listener about a change, even when one of them fails", async () => {
    const seen: TagChanged[] = [];
    const failing = async () => {
      throw new Error("listener down");
    };
    const recording = async (_: unknown, change: TagChanged) => {
      seen.push(change);
    };
    const change: TagChanged = { userId: "U1", tagId: "t", tag: "x", action: "add", source: "scenario", sourceRef: "s1", at: 1 };
    await notifyTagChanged(makeDeps(testEnv), change, [failing, recording]);
    expect(seen).toEqual([change]);

    // Through addTag, with the real listeners: recorded once, a repeat changes nothing.
    const userId = await friend("リスナー");
    expect(await addTag(makeDeps(testEnv), { userId, tag: "API経由", source: "api", sourceRef: "order-1" })).toBe(true);
    expect(await addTag(makeDeps(testEnv), { userId, tag: "API経由", source: "api", sourceRef: "order-1" })).toBe(false);
    const history = await api<FriendTags>("GET", `/api/staff/friends/${userId}/tags`);
    expect(history.json.history.filter((h) => h.tag === "API経由").map((h) => [h.action, h.source, h.sourceRef])).toEqual([
      ["add", "api", "order-1"],
    ]);
  });
});
