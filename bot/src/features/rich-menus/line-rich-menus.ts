import type { messagingApi } from "@line/bot-sdk";
import type { Deps } from "../../deps.ts";
import { callLine } from "../../line/call.ts";
import { LineApiError } from "../../line/errors.ts";

/**
 * LINE's rich-menu endpoints, each through `callLine` (timeout, backoff, request-id log). Links, unlinks,
 * aliases and the default are idempotent and retried; creating a menu and uploading its image are not (a
 * retried create would leave an orphan menu against LINE's 100-per-hour create limit), so a failure there
 * fails the publish and the operator presses publish again.
 */
export const BULK_LIMIT = 500;

function options(deps: Deps, retry: boolean) {
  return { retry, timeoutMs: deps.line.timeoutMs, backoffMs: deps.line.backoffMs };
}

export async function createLineRichMenu(deps: Deps, menu: messagingApi.RichMenuRequest): Promise<string> {
  const { body } = await callLine("richMenuCreate", () => deps.line.api.createRichMenuWithHttpInfo(menu), options(deps, false));
  if (!body?.richMenuId) throw new Error("LINE created a rich menu but sent no richMenuId");
  return body.richMenuId;
}

export async function uploadLineRichMenuImage(deps: Deps, lineId: string, bytes: Uint8Array, type: string): Promise<void> {
  const blob = new Blob([bytes], { type });
  await callLine("richMenuImageUpload", () => deps.line.blob.setRichMenuImageWithHttpInfo(lineId, blob), options(deps, false));
}

export async function deleteLineRichMenu(deps: Deps, lineId: string): Promise<void> {
  try {
    await callLine("richMenuDelete", () => deps.line.api.deleteRichMenuWithHttpInfo(lineId), options(deps, true));
  } catch (error) {
    // Already gone is what we wanted.
    if (!(error instanceof LineApiError && error.status === 404)) throw error;
  }
}

/** Points the alias at the menu, creating the alias the first time (LINE answers 400 to a duplicate). */
export async function pointLineAlias(deps: Deps, aliasId: string, lineId: string): Promise<void> {
  try {
    await callLine(
      "richMenuAliasUpdate",
      () => deps.line.api.updateRichMenuAliasWithHttpInfo(aliasId, { richMenuId: lineId }),
      options(deps, true),
    );
  } catch (error) {
    if (!(error instanceof LineApiError && (error.status === 400 || error.status === 404))) throw error;
    await callLine(
      "richMenuAliasCreate",
      () => deps.line.api.createRichMenuAliasWithHttpInfo({ richMenuAliasId: aliasId, richMenuId: lineId }),
      options(deps, true),
    );
  }
}

export async function linkLineRichMenu(deps: Deps, userId: string, lineId: string): Promise<void> {
  await callLine("richMenuLink", () => deps.line.api.linkRichMenuIdToUserWithHttpInfo(userId, lineId), options(deps, true));
}

export async function unlinkLineRichMenu(deps: Deps, userId: string): Promise<void> {
  try {
    await callLine("richMenuUnlink", () => deps.line.api.unlinkRichMenuIdFromUserWithHttpInfo(userId), options(deps, true));
  } catch (error) {
    if (!(error instanceof LineApiError && error.status === 404)) throw error;
  }
}

function assertBulkSize(userIds: readonly string[]): void {
  if (userIds.length < 1 || userIds.length > BULK_LIMIT) throw new RangeError(`bulk rich-menu calls take 1–${BULK_LIMIT} users`);
}

/** One bulk call (≤ 500 users). LINE accepts it with 202 and applies it asynchronously. */
export async function bulkLinkLineRichMenu(deps: Deps, userIds: string[], lineId: string): Promise<void> {
  assertBulkSize(userIds);
  await callLine(
    "richMenuBulkLink",
    () => deps.line.api.linkRichMenuIdToUsersWithHttpInfo({ richMenuId: lineId, userIds }),
    options(deps, true),
  );
}

export async function bulkUnlinkLineRichMenu(deps: Deps, userIds: string[]): Promise<void> {
  assertBulkSize(userIds);
  await callLine("richMenuBulkUnlink", () => deps.line.api.unlinkRichMenuIdFromUsersWithHttpInfo({ userIds }), options(deps, true));
}

export async function setLineDefaultRichMenu(deps: Deps, lineId: string | null): Promise<void> {
  if (lineId === null) {
    await callLine("richMenuDefaultCancel", () => deps.line.api.cancelDefaultRichMenuWithHttpInfo(), options(deps, true));
    return;
  }
  await callLine("richMenuDefaultSet", () => deps.line.api.setDefaultRichMenuWithHttpInfo(lineId), options(deps, true));
}

/** The IDs of the menus LINE has, to find ours that it lost. */
export async function listLineRichMenuIds(deps: Deps): Promise<Set<string>> {
  const { body } = await callLine("richMenuList", () => deps.line.api.getRichMenuListWithHttpInfo(), options(deps, true));
  return new Set((body?.richmenus ?? []).map((m) => m.richMenuId));
}
