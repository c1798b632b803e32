import { countFriendsPerLineMenu, findRetiredLineMenus, markRetiredLineMenuDeleted } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { LineApiError } from "../../line/errors.ts";
import { deleteLineRichMenu } from "./line-rich-menus.ts";

/**
 * LINE menus of older revisions are deleted once no friend is linked to them any more (after a reconcile
 * moved everyone), keeping under LINE's 1,000-menu cap. Deleting is limited to 100 calls an hour, so a few
 * per run; the rest wait for the next run. A failure here never fails the reconcile.
 */
const DELETE_PER_RUN = 10;

export async function deleteRetiredLineMenus(deps: Deps): Promise<number> {
  const retired = await findRetiredLineMenus(deps.db, DELETE_PER_RUN);
  if (retired.length === 0) return 0;
  const stillLinked = await countFriendsPerLineMenu(deps.db);
  let deleted = 0;
  for (const menu of retired) {
    if ((stillLinked.get(menu.line_rich_menu_id) ?? 0) > 0) continue;
    try {
      await deleteLineRichMenu(deps, menu.line_rich_menu_id);
      await markRetiredLineMenuDeleted(deps.db, menu.line_rich_menu_id, Date.now());
      deleted += 1;
    } catch (error) {
      if (!(error instanceof LineApiError)) throw error;
      console.warn(JSON.stringify({ msg: "retired_rich_menu_not_deleted", lineRichMenuId: menu.line_rich_menu_id, status: error.status }));
      if (error.rateLimited) break;
    }
  }
  return deleted;
}
