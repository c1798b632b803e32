import { ADMIN_ID, callWorker, idTokenFor, sandbox } from "./helpers.ts";

/** Factories and probes shared by the rich-menu and tag integration tests. */

/** The smallest PNG LINE's checks look at: signature, IHDR with the size, IEND. */
export function pngOfSize(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(8 + 25 + 12);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  view.setUint32(33, 0);
  bytes.set([0x49, 0x45, 0x4e, 0x44], 37);
  return bytes;
}

let adminToken: string | undefined;
export async function admin(): Promise<Record<string, string>> {
  if (!adminToken) {
    await sandbox("/__sandbox/users", { body: { userId: ADMIN_ID, displayName: "管理者", friend: false } });
    adminToken = await idTokenFor(ADMIN_ID);
  }
  return { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await callWorker(path, {
    method,
    headers: await admin(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as T };
}

export interface MenuDto {
  id: string;
  revision: number;
  aliasId: string | null;
  size: { width: number; height: number } | null;
  published: { lineRichMenuId: string } | null;
  changedSincePublish: boolean;
}

const area = (x: number, label: string) => ({
  bounds: { x, y: 0, width: 400, height: 405 },
  action: { type: "message", label, text: label },
});

export async function uploadImage(menuId: string, bytes: Uint8Array, type = "image/png"): Promise<Response> {
  const { authorization } = await admin();
  const form = new FormData();
  form.append("image", new File([bytes], "menu.png", { type }));
  return callWorker(`/api/admin/rich-menus/${menuId}/image`, {
    method: "PUT",
    headers: { authorization: authorization ?? "" },
    body: form,
  });
}

/** A published 1200×405 menu with three areas; returns our id and LINE's. */
export async function publishedMenu(name: string, aliasId: string | null = null): Promise<{ id: string; lineId: string }> {
  const created = await api<{ menu: MenuDto }>("POST", "/api/admin/rich-menus", {
    name,
    chatBarText: "メニュー",
    aliasId,
    areas: [area(0, "会員証"), area(400, "クーポン"), area(800, "お問い合わせ")],
  });
  if (created.status !== 201) throw new Error(`create menu → ${created.status} ${JSON.stringify(created.json)}`);
  const upload = await uploadImage(created.json.menu.id, pngOfSize(1200, 405));
  if (upload.status !== 200) throw new Error(`upload → ${upload.status} ${await upload.text()}`);
  const published = await api<{ menu: MenuDto }>("POST", `/api/admin/rich-menus/${created.json.menu.id}/publish`);
  const lineId = published.json.menu.published?.lineRichMenuId;
  if (published.status !== 200 || !lineId) throw new Error(`publish → ${published.status} ${JSON.stringify(published.json)}`);
  return { id: created.json.menu.id, lineId };
}

export async function tagIdOf(name: string): Promise<string> {
  const created = await api<{ id: string }>("POST", "/api/admin/tags", { name });
  if (created.status === 201) return created.json.id;
  const list = await api<{ tags: { id: string; name: string }[] }>("GET", "/api/admin/tags");
  const tag = list.json.tags.find((t) => t.name === name);
  if (!tag) throw new Error(`tag ${name} not found`);
  return tag.id;
}

export async function savePolicy(
  rules: unknown[],
  defaultMenuId: string | null,
): Promise<{ status: number; json: { version: number; reconcileRunId: string } }> {
  const current = await api<{ version: number }>("GET", "/api/admin/rich-menus/policy");
  return api("PUT", "/api/admin/rich-menus/policy", { rules, defaultMenuId, version: current.json.version });
}

export function tagRule(id: string, menuId: string, tagId: string) {
  return { id, name: id, menuId, conditions: { tags: { all: [tagId], any: [], none: [] } } };
}

export interface UserRichMenu {
  richMenu: { richMenuId: string } | null;
  source: "user" | "default" | null;
}

export function menuShownTo(userId: string): Promise<UserRichMenu> {
  return sandbox<UserRichMenu>(`/__sandbox/users/${userId}/richmenu`);
}

export interface RichMenuCall {
  endpoint: string;
  status: number;
  path: string;
  body: { userIds?: string[]; richMenuId?: string } | null;
}

export async function richMenuCalls(endpoint: string): Promise<RichMenuCall[]> {
  const { calls } = await sandbox<{ calls: RichMenuCall[] }>(`/__sandbox/calls?endpoint=${endpoint}`);
  return calls;
}
