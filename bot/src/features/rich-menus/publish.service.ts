import {
  countFriendsPerLineMenu,
  findRichMenuImage,
  findRichMenus,
  insertRetiredLineMenu,
  markRichMenuPublished,
  markRichMenuPublishFailed,
  toBytes,
} from "@enishi/db";
import { menusUsedBy, richMenuAreaIssues, toLineRichMenu } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError, badRequest } from "../../errors.ts";
import { LineApiError } from "../../line/errors.ts";
import { liffUrl } from "../conversations/bot-copy.ts";
import { createLineRichMenu, deleteLineRichMenu, pointLineAlias, uploadLineRichMenuImage } from "./line-rich-menus.ts";
import { getMenu, getMenuRow, parseAreas, type RichMenuDto } from "./menus.service.ts";
import { loadPolicy, syncLineDefault } from "./policy.ts";
import { startReconcile } from "./reconcile.service.ts";
import { deleteRetiredLineMenus } from "./retired.ts";

export interface PublishResult {
  menu: RichMenuDto;
  /** Set when friends had the previous version: a reconcile moves them to the new one. */
  reconcileRunId: string | null;
  /** Tabs (aliases) this menu switches to that no published menu provides yet. */
  missingTabs: string[];
}

/** LINE's refusal as the operator's error: their input (4xx) or LINE being unavailable (502/429). */
export function lineFailure(error: unknown, what: string): AppError {
  if (!(error instanceof LineApiError)) throw error;
  if (error.rateLimited)
    return new AppError(
      429,
      "rate_limited",
      `LINE is rate limiting ${what}: try again in a minute / LINE の制限中です。少し待ってからお試しください`,
    );
  if (error.permanent)
    return new AppError(400, "bad_request", `LINE refused ${what}: ${error.body.slice(0, 300)} / LINE に受け付けられませんでした`);
  return new AppError(502, "upstream_unavailable", `LINE could not be reached for ${what} / LINE と通信できませんでした`);
}

async function missingTabs(deps: Deps, areas: ReturnType<typeof parseAreas>): Promise<string[]> {
  const wanted = new Set(areas.flatMap((a) => (a.action.type === "richmenuswitch" ? [a.action.richMenuAliasId] : [])));
  if (wanted.size === 0) return [];
  const published = new Set((await findRichMenus(deps.db)).flatMap((m) => (m.alias_id && m.line_rich_menu_id ? [m.alias_id] : [])));
  return [...wanted].filter((alias) => !published.has(alias));
}

/**
 * Publishes the menu's current revision: create the LINE menu, upload the image (to the data host), point
 * its alias (tab) at it, make it LINE's default if the policy says so, and move friends off the previous
 * version. LINE menus are immutable, so every publish is a new LINE menu; the old one is retired.
 */
export async function publishMenu(deps: Deps, id: string): Promise<PublishResult> {
  const row = await getMenuRow(deps, id);
  const image = await findRichMenuImage(deps.db, id);
  if (!image) throw badRequest("Upload the menu image first / 先にメニュー画像をアップロードしてください");
  const areas = parseAreas(row.areas);
  if (areas.length === 0) throw badRequest("Draw at least one tap area / タップ領域を1つ以上描いてください");
  const size = { width: image.width, height: image.height };
  const issues = richMenuAreaIssues(size, areas);
  if (issues.length > 0) throw new AppError(400, "validation_failed", issues[0]?.message ?? "Invalid areas", issues);
  const tabs = await missingTabs(deps, areas);
  if (row.line_rich_menu_id && row.published_revision === row.revision) {
    return { menu: await getMenu(deps, id), reconcileRunId: null, missingTabs: tabs };
  }

  let lineId: string;
  try {
    lineId = await createLineRichMenu(
      deps,
      toLineRichMenu({ name: row.name, chatBarText: row.chat_bar_text, selected: row.selected === 1, size, areas }, (path) =>
        liffUrl(deps.config, path),
      ),
    );
  } catch (error) {
    const failure = lineFailure(error, "the menu");
    await markRichMenuPublishFailed(deps.db, id, failure.message);
    throw failure;
  }
  try {
    await uploadLineRichMenuImage(deps, lineId, toBytes(image.bytes), image.content_type);
    if (row.alias_id) await pointLineAlias(deps, row.alias_id, lineId);
  } catch (error) {
    // Half a menu is no menu: remove it from LINE so nothing can link to it.
    await deleteLineRichMenu(deps, lineId).catch(() => undefined);
    const failure = lineFailure(error, "the menu image or tab");
    await markRichMenuPublishFailed(deps.db, id, failure.message);
    throw failure;
  }

  const at = Date.now();
  const won = await markRichMenuPublished(deps.db, id, { revision: row.revision, lineId, previousLineId: row.line_rich_menu_id, at });
  if (!won) {
    // Another publish of this menu finished first; keep theirs.
    await deleteLineRichMenu(deps, lineId).catch(() => undefined);
    return { menu: await getMenu(deps, id), reconcileRunId: null, missingTabs: tabs };
  }
  if (row.line_rich_menu_id) await insertRetiredLineMenu(deps.db, row.line_rich_menu_id, id, at);

  const loaded = await loadPolicy(deps);
  await syncLineDefault(deps, loaded).catch((error: unknown) => {
    throw lineFailure(error, "the default menu");
  });
  let reconcileRunId: string | null = null;
  const linkedToOld = row.line_rich_menu_id ? ((await countFriendsPerLineMenu(deps.db)).get(row.line_rich_menu_id) ?? 0) : 0;
  if (row.line_rich_menu_id && (linkedToOld > 0 || menusUsedBy(loaded.policy).has(id))) {
    reconcileRunId = await startReconcile(deps, `menu republished: ${row.name}`);
  } else {
    await deleteRetiredLineMenus(deps);
  }
  return { menu: await getMenu(deps, id), reconcileRunId, missingTabs: tabs };
}
