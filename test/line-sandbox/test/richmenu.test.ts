import { describe, expect, it } from "vitest";
import { ALICE, BOB, makeSandbox, pngBytes, richMenuBody } from "./helpers.ts";

async function sandboxWithMenu() {
  const sandbox = await makeSandbox();
  await sandbox.createUser(ALICE);
  await sandbox.createUser(BOB);
  const createMenu = async (overrides: Record<string, unknown> = {}) => {
    const res = await sandbox.line("/v2/bot/richmenu", { body: richMenuBody(overrides) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { richMenuId: string }).richMenuId;
  };
  const upload = (id: string, bytes: Uint8Array, contentType = "image/png") =>
    sandbox.app.request(`/v2/bot/richmenu/${id}/content`, {
      method: "POST",
      headers: { authorization: "Bearer test-channel-access-token", "content-type": contentType },
      body: new Uint8Array(bytes),
    });
  return { ...sandbox, createMenu, upload };
}

describe("rich menu objects", () => {
  it("rejects sizes, areas and texts outside LINE's limits", async () => {
    const sandbox = await makeSandbox();
    const create = async (overrides: Record<string, unknown>) =>
      (await sandbox.line("/v2/bot/richmenu", { body: richMenuBody(overrides) })).status;
    expect(await create({})).toBe(200);
    expect(await create({ size: { width: 2500, height: 1686 } })).toBe(200);
    expect(await create({ size: { width: 2600, height: 843 } })).toBe(400);
    expect(await create({ size: { width: 1000, height: 1000 } })).toBe(400);
    expect(await create({ chatBarText: "fifteen chars!!" })).toBe(400);
    const outside = { bounds: { x: 2000, y: 0, width: 600, height: 843 }, action: { type: "message", text: "x" } };
    expect(await create({ areas: [outside] })).toBe(400);
    const small = { bounds: { x: 0, y: 0, width: 100, height: 100 }, action: { type: "message", text: "x" } };
    expect(await create({ areas: Array.from({ length: 20 }, () => small) })).toBe(200);
    expect(await create({ areas: Array.from({ length: 21 }, () => small) })).toBe(400);
  });

  it("takes one PNG or JPEG image of at most 1 MB per menu", async () => {
    const sandbox = await sandboxWithMenu();
    const id = await sandbox.createMenu();
    expect((await sandbox.upload(id, pngBytes(), "image/gif")).status).toBe(415);
    expect((await sandbox.upload(id, pngBytes(), "image/jpeg")).status).toBe(400);
    expect((await sandbox.upload(id, pngBytes(1024 * 1024 + 1))).status).toBe(413);
    expect((await sandbox.upload(id, pngBytes(1024 * 1024))).status).toBe(200);
    expect((await sandbox.upload(id, pngBytes())).status).toBe(400);
    const image = await sandbox.app.request(`/__sandbox/richmenu/${id}/image`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect((await image.arrayBuffer()).byteLength).toBe(1024 * 1024);
  });
});

describe("which menu a user sees", () => {
  it("refuses to show a menu that has no image yet", async () => {
    const sandbox = await sandboxWithMenu();
    const id = await sandbox.createMenu();
    expect((await sandbox.line(`/v2/bot/user/${ALICE}/richmenu/${id}`, { method: "POST" })).status).toBe(400);
    expect((await sandbox.line(`/v2/bot/user/all/richmenu/${id}`, { method: "POST" })).status).toBe(400);
  });

  it("prefers the per-user link over the default and serves the image URL", async () => {
    const sandbox = await sandboxWithMenu();
    const main = await sandbox.createMenu({ name: "main" });
    const vip = await sandbox.createMenu({ name: "vip" });
    await sandbox.upload(main, pngBytes());
    await sandbox.upload(vip, pngBytes());
    expect((await sandbox.line(`/v2/bot/user/all/richmenu/${main}`, { method: "POST" })).status).toBe(200);
    expect((await sandbox.line(`/v2/bot/user/${ALICE}/richmenu/${vip}`, { method: "POST" })).status).toBe(200);

    const alice = await sandbox.control<{ richMenu: { richMenuId: string; imageUrl: string }; source: string }>(
      `/__sandbox/users/${ALICE}/richmenu`,
    );
    expect(alice).toMatchObject({ richMenu: { richMenuId: vip }, source: "user" });
    expect(alice.richMenu.imageUrl).toBe(`http://sandbox.test/__sandbox/richmenu/${vip}/image`);
    expect(await sandbox.control(`/__sandbox/users/${BOB}/richmenu`)).toMatchObject({ richMenu: { richMenuId: main }, source: "default" });
    // LINE's "rich menu of user" reports the per-user link only.
    expect((await sandbox.line(`/v2/bot/user/${BOB}/richmenu`)).status).toBe(404);

    await sandbox.line("/v2/bot/richmenu/bulk/unlink", { body: { userIds: [ALICE] } });
    expect(await sandbox.control(`/__sandbox/users/${ALICE}/richmenu`)).toMatchObject({ source: "default" });
    await sandbox.line(`/v2/bot/richmenu/${main}`, { method: "DELETE" });
    expect(await sandbox.control(`/__sandbox/users/${ALICE}/richmenu`)).toEqual({ richMenu: null, source: null });
  });

  it("switches a user's menu through an alias and tells the bot with a postback", async () => {
    const sandbox = await sandboxWithMenu();
    const tab = await sandbox.createMenu({ name: "tab-b" });
    await sandbox.upload(tab, pngBytes());
    const alias = await sandbox.line("/v2/bot/richmenu/alias", { body: { richMenuAliasId: "tab-b", richMenuId: tab } });
    expect(alias.status).toBe(200);
    expect((await sandbox.line("/v2/bot/richmenu/alias", { body: { richMenuAliasId: "tab-b", richMenuId: tab } })).status).toBe(400);
    expect(await (await sandbox.line("/v2/bot/richmenu/alias/list")).json()).toEqual({
      aliases: [{ richMenuAliasId: "tab-b", richMenuId: tab }],
    });
    // No webhook URL is configured: the switch still happens, the postback reports the failed delivery.
    const switched = await sandbox.control<{ switched: boolean; webhook: { event: unknown } }>(
      `/__sandbox/users/${ALICE}/richmenu/switch`,
      { richMenuAliasId: "tab-b", data: "tab=b" },
    );
    expect(switched.switched).toBe(true);
    expect(switched.webhook.event).toMatchObject({
      type: "postback",
      postback: { data: "tab=b", params: { newRichMenuAliasId: "tab-b", status: "SUCCESS" } },
    });
    expect(await sandbox.control(`/__sandbox/users/${ALICE}/richmenu`)).toMatchObject({ richMenu: { richMenuId: tab }, source: "user" });
  });
});
