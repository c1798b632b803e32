import type { TrackedLinkWithStats } from "@enishi/db";
import { deleteLinkQueries, findLink, findLinkForRedirect, findLinksWithStats, findTagById, insertLink, insertLinkClick } from "@enishi/db";
import { generateLinkCode, type TrackedLinkDto, type TrackedLinkInput, verifyLinkUser } from "@enishi/shared/links/index";
import type { Deps } from "../../deps.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import { addTag } from "../tags/tags.service.ts";
import { linkKey } from "./link-signing.ts";

export interface ClickOutcome {
  destination: string;
  userId: string | null;
}

/**
 * A click on `/r/<code>`: one INSERT for the click; with a valid signature for a user, the link's tag is
 * added through addTag (source "link") — addTag records a tag event only when the friend did not have it,
 * so repeat clicks tag once. A missing or bad signature is an anonymous click and never tags.
 * Returns null for an unknown code.
 */
export async function recordClick(deps: Deps, code: string, u: string | null, now = Date.now()): Promise<ClickOutcome | null> {
  const link = await findLinkForRedirect(deps.db, code);
  if (!link) return null;
  const key = linkKey(deps.env);
  const userId = key ? await verifyLinkUser(await key, code, u) : null;
  await insertLinkClick(deps.db, { linkId: link.id, lineUserId: userId, at: now });
  if (userId && link.tag_name) {
    await addTag(deps, { userId, tag: link.tag_name, source: "link", sourceRef: link.id });
  }
  return { destination: link.destination, userId };
}

/** The public base for URLs shown to operators: APP_BASE_URL, or the origin the admin is using. */
export function toLinkDto(row: TrackedLinkWithStats, base: string): TrackedLinkDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    destination: row.destination,
    tagId: row.tag_id,
    tagName: row.tag_name,
    url: `${base.replace(/\/+$/, "")}/r/${encodeURIComponent(row.code)}`,
    clicks: row.clicks,
    uniqueUsers: row.unique_users,
    createdAt: row.created_at,
  };
}

export async function listLinks(deps: Deps, base: string): Promise<TrackedLinkDto[]> {
  return (await findLinksWithStats(deps.db)).map((row) => toLinkDto(row, base));
}

const invalid = (path: string, message: string) => new AppError(400, "validation_failed", `${path}: ${message}`, [{ path, message }]);

export async function createLink(deps: Deps, input: TrackedLinkInput, createdBy: string | null, base: string): Promise<TrackedLinkDto> {
  const tagId = input.tagId ?? null;
  const tag = tagId ? await findTagById(deps.db, tagId) : undefined;
  if (tagId && !tag) throw invalid("tagId", "No such tag / タグが見つかりません");
  const chosen = input.code || null;
  const id = crypto.randomUUID();
  const now = Date.now();
  // A generated code collides with odds ~1e-12 per existing link; a second try covers the unthinkable.
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = chosen ?? generateLinkCode();
    const row = { id, code, name: input.name, destination: input.destination, tag_id: tagId, created_by: createdBy, created_at: now };
    if (await insertLink(deps.db, row)) return toLinkDto({ ...row, tag_name: tag?.name ?? null, clicks: 0, unique_users: 0 }, base);
    if (chosen) throw conflict("This code is already used / このコードは既に使われています", [{ path: "code", message: "taken" }]);
  }
  throw new AppError(500, "internal", "Could not generate a free link code / コードを生成できませんでした");
}

/** Deletes the link and its clicks together (one D1 batch); segments naming it then match no one. */
export async function deleteLink(deps: Deps, id: string): Promise<void> {
  if (!(await findLink(deps.db, id))) throw notFound("No such link / リンクが見つかりません");
  await deps.env.DB.batch(deleteLinkQueries(deps.db, id).map((q) => deps.env.DB.prepare(q.sql).bind(...q.parameters)));
}
