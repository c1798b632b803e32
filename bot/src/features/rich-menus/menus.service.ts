import type { RichMenuRow } from "@enishi/db";
import {
  bumpRichMenuRevision,
  countFriendsPerLineMenu,
  deleteRichMenuRow,
  findRichMenu,
  findRichMenuByAlias,
  findRichMenuImageInfos,
  findRichMenus,
  insertRetiredLineMenu,
  insertRichMenu,
  updateRichMenu,
  upsertRichMenuImage,
} from "@enishi/db";
import type { RichMenuArea, RichMenuInput } from "@enishi/shared";
import { menusUsedBy, RichMenuAreaSchema, readImageInfo, richMenuAreaIssues, richMenuImageIssues } from "@enishi/shared";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import { loadPolicy } from "./policy.ts";
import { startReconcile } from "./reconcile.service.ts";

/** Menus as operators edit them: D1 only. Publishing to LINE is publish.service.ts. */

type ImageInfoRow = Awaited<ReturnType<typeof findRichMenuImageInfos>>[number];

export function parseAreas(json: string): RichMenuArea[] {
  return z.array(RichMenuAreaSchema).parse(JSON.parse(json));
}

export function toMenuDto(
  row: RichMenuRow,
  image: ImageInfoRow | undefined,
  extra: { friendsLinked: number; usedByPolicy: boolean; isDefault: boolean },
) {
  return {
    id: row.id,
    name: row.name,
    chatBarText: row.chat_bar_text,
    selected: row.selected === 1,
    aliasId: row.alias_id,
    areas: parseAreas(row.areas),
    revision: row.revision,
    size: image ? { width: image.width, height: image.height } : null,
    image: image ? { contentType: image.content_type, byteSize: image.byte_size, uploadedAt: image.uploaded_at } : null,
    published: row.line_rich_menu_id
      ? { lineRichMenuId: row.line_rich_menu_id, revision: row.published_revision, at: row.published_at }
      : null,
    changedSincePublish: row.line_rich_menu_id === null || row.published_revision !== row.revision,
    publishError: row.publish_error,
    ...extra,
  };
}
export type RichMenuDto = ReturnType<typeof toMenuDto>;

export async function listMenus(deps: Deps): Promise<RichMenuDto[]> {
  const [rows, images, counts, loaded] = await Promise.all([
    findRichMenus(deps.db),
    findRichMenuImageInfos(deps.db),
    countFriendsPerLineMenu(deps.db),
    loadPolicy(deps),
  ]);
  const imageOf = new Map(images.map((i) => [i.menu_id, i]));
  const used = menusUsedBy(loaded.policy);
  return rows.map((row) =>
    toMenuDto(row, imageOf.get(row.id), {
      friendsLinked: row.line_rich_menu_id ? (counts.get(row.line_rich_menu_id) ?? 0) : 0,
      usedByPolicy: used.has(row.id),
      isDefault: loaded.policy.defaultMenuId === row.id,
    }),
  );
}

export async function getMenu(deps: Deps, id: string): Promise<RichMenuDto> {
  const menu = (await listMenus(deps)).find((m) => m.id === id);
  if (!menu) throw notFound("No such rich menu / リッチメニューが見つかりません");
  return menu;
}

async function assertAliasFree(deps: Deps, aliasId: string | null, menuId: string | null): Promise<void> {
  if (!aliasId) return;
  const owner = await findRichMenuByAlias(deps.db, aliasId);
  if (owner && owner.id !== menuId) {
    throw conflict(`The tab name "${aliasId}" is used by 「${owner.name}」 / タブ名「${aliasId}」は「${owner.name}」で使われています`);
  }
}

export async function createMenu(deps: Deps, input: RichMenuInput): Promise<RichMenuDto> {
  await assertAliasFree(deps, input.aliasId, null);
  const id = crypto.randomUUID();
  const at = Date.now();
  await insertRichMenu(deps.db, {
    id,
    name: input.name,
    chat_bar_text: input.chatBarText,
    selected: input.selected ? 1 : 0,
    alias_id: input.aliasId,
    areas: JSON.stringify(input.areas),
    revision: 1,
    line_rich_menu_id: null,
    published_revision: null,
    published_at: null,
    publish_error: null,
    created_at: at,
    updated_at: at,
  });
  return getMenu(deps, id);
}

export async function updateMenu(deps: Deps, id: string, revision: number, input: RichMenuInput): Promise<RichMenuDto> {
  const menu = await getMenu(deps, id);
  await assertAliasFree(deps, input.aliasId, id);
  if (menu.size) {
    const issues = richMenuAreaIssues(menu.size, input.areas);
    if (issues.length > 0) throw new AppError(400, "validation_failed", issues[0]?.message ?? "Invalid areas", issues);
  }
  const edit = {
    name: input.name,
    chatBarText: input.chatBarText,
    selected: input.selected,
    aliasId: input.aliasId,
    areasJson: JSON.stringify(input.areas),
  };
  const saved = await updateRichMenu(deps.db, id, revision, edit, Date.now());
  if (!saved) {
    throw conflict(
      "Someone saved this menu in the meantime: reload to see their changes / 他の人が先に保存しました。再読み込みしてください",
    );
  }
  return getMenu(deps, id);
}

/** Checks the bytes themselves (type, dimensions, size), never what the browser claims. */
export async function saveMenuImage(deps: Deps, id: string, bytes: Uint8Array, declaredType: string): Promise<RichMenuDto> {
  await getMenu(deps, id);
  const info = readImageInfo(bytes);
  const issues = richMenuImageIssues({ byteLength: bytes.byteLength, declaredType, info });
  if (!info || issues.length > 0) {
    const details = issues.map((i) => ({ path: "image", message: `${i.ja} / ${i.en}`, code: i.code }));
    throw new AppError(400, "validation_failed", details[0]?.message ?? "Invalid image", details);
  }
  const at = Date.now();
  await upsertRichMenuImage(deps.db, {
    menu_id: id,
    content_type: info.type,
    width: info.width,
    height: info.height,
    byte_size: bytes.byteLength,
    bytes,
    uploaded_at: at,
  });
  // A new image is a new LINE menu: LINE never replaces the image of a published one.
  await bumpRichMenuRevision(deps.db, id, at);
  return getMenu(deps, id);
}

/** A menu the policy hands out cannot go; otherwise its LINE copy is retired (deleted once nobody has it). */
export async function deleteMenu(deps: Deps, id: string): Promise<void> {
  const menu = await getMenu(deps, id);
  if (menu.usedByPolicy) {
    throw conflict("This menu is used by the menu policy: change the rules first / メニュー設定のルールで使われているため削除できません");
  }
  if (menu.published) await insertRetiredLineMenu(deps.db, menu.published.lineRichMenuId, id, Date.now());
  if (!(await deleteRichMenuRow(deps.db, id))) throw notFound("No such rich menu / リッチメニューが見つかりません");
  // Friends still linked to it (from an older policy) move to what the policy gives them now.
  if (menu.friendsLinked > 0) await startReconcile(deps, `menu deleted: ${menu.name}`);
}

export async function getMenuRow(deps: Deps, id: string): Promise<RichMenuRow> {
  const row = await findRichMenu(deps.db, id);
  if (!row) throw notFound("No such rich menu / リッチメニューが見つかりません");
  return row;
}
