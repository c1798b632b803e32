import {
  deleteTagGroupQueries,
  findTagById,
  findTagByName,
  findTagGroup,
  findTagGroups,
  findTagsWithCounts,
  insertTag,
  insertTagGroup,
  updateTag,
  updateTagGroup,
} from "@enishi/db";
import { idsReferencedBy } from "@enishi/shared";
import { runBatchChanges } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { badRequest, conflict, notFound } from "../../errors.ts";
import { loadPolicy } from "../rich-menus/policy.ts";

/** Operators' tag management: groups with colours, tags with a group and colour, archiving. */

export async function listTagAdmin(deps: Deps, includeArchived: boolean) {
  const [groups, tags, loaded] = await Promise.all([
    findTagGroups(deps.db),
    findTagsWithCounts(deps.db, includeArchived),
    loadPolicy(deps),
  ]);
  const usedByMenus = idsReferencedBy(loaded.policy).tags;
  return {
    groups: groups.map((g) => ({ id: g.id, name: g.name, color: g.color, position: g.position })),
    tags: tags.map((t) => ({
      id: t.id,
      name: t.name,
      groupId: t.group_id,
      color: t.color,
      friendCount: t.friend_count,
      archived: t.archived_at !== null,
      usedByMenuPolicy: usedByMenus.has(t.id),
      createdAt: t.created_at,
    })),
  };
}

async function assertGroup(deps: Deps, groupId: string | null | undefined): Promise<void> {
  if (groupId && !(await findTagGroup(deps.db, groupId))) throw badRequest("No such tag group / タググループが見つかりません");
}

export async function createTag(deps: Deps, input: { name: string; groupId: string | null; color: string | null }) {
  await assertGroup(deps, input.groupId);
  const id = crypto.randomUUID();
  const created = await insertTag(deps.db, { id, ...input, at: Date.now() });
  if (!created) throw conflict(`A tag named 「${input.name}」 already exists / 同じ名前のタグがあります`);
  return { id };
}

export async function editTag(
  deps: Deps,
  id: string,
  patch: { name?: string; groupId?: string | null; color?: string | null; archived?: boolean },
) {
  const tag = await findTagById(deps.db, id);
  if (!tag) throw notFound("No such tag / タグが見つかりません");
  await assertGroup(deps, patch.groupId);
  if (patch.name !== undefined && patch.name !== tag.name && (await findTagByName(deps.db, patch.name))) {
    throw conflict(`A tag named 「${patch.name}」 already exists / 同じ名前のタグがあります`);
  }
  if (patch.archived === true) {
    // An archived tag disappears from the rule editor: a rule still needing it would silently never match.
    const loaded = await loadPolicy(deps);
    if (idsReferencedBy(loaded.policy).tags.has(id)) {
      throw conflict("The rich-menu policy uses this tag: change the rules first / リッチメニューの設定で使われています");
    }
  }
  const archivedAt = patch.archived === undefined ? undefined : patch.archived ? Date.now() : null;
  await updateTag(deps.db, id, { name: patch.name, groupId: patch.groupId, color: patch.color, archivedAt });
  return { id };
}

export async function createTagGroup(deps: Deps, input: { name: string; color: string }) {
  const id = crypto.randomUUID();
  const position = (await findTagGroups(deps.db)).length;
  await insertTagGroup(deps.db, { id, name: input.name, color: input.color, position });
  return { id };
}

export async function editTagGroup(deps: Deps, id: string, patch: { name?: string; color?: string; position?: number }) {
  if (!(await updateTagGroup(deps.db, id, patch))) throw notFound("No such tag group / タググループが見つかりません");
  return { id };
}

/** Deletes the group and ungroups its tags in one D1 batch: a failure leaves both as they were. */
export async function removeTagGroup(deps: Deps, id: string) {
  const [, deleted] = await runBatchChanges(deps, deleteTagGroupQueries(deps.db, id));
  if (deleted !== 1) throw notFound("No such tag group / タググループが見つかりません");
  return { deleted: true };
}
