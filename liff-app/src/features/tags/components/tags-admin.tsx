import "../tags.css";
import { type CSSProperties, type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ChoiceSelect } from "../../../components/choice-select.tsx";
import { EmptyState, ErrorState, QueryStates } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import {
  type TagGroup,
  type TagItem,
  useCreateGroup,
  useCreateTag,
  useDeleteGroup,
  useEditGroup,
  useEditTag,
  useTagAdmin,
} from "../api/tags.ts";

/** A name edited in place: saved (trimmed) when the field loses focus, if it is not blank and has changed. */
function RenameInput({
  label,
  saved,
  onRename,
  style,
}: {
  label: string;
  saved: string;
  onRename: (name: string) => void;
  style: CSSProperties;
}) {
  const [name, setName] = useState(saved);
  return (
    <input
      aria-label={label}
      value={name}
      onChange={(e) => setName(e.target.value)}
      onBlur={() => name.trim() && name !== saved && onRename(name.trim())}
      style={style}
    />
  );
}

function TagRow({ tag, groups }: { tag: TagItem; groups: TagGroup[] }) {
  const edit = useEditTag();
  return (
    <li className="tg-row" data-testid="tag-row">
      <RenameInput
        label="タグ名 / Tag name"
        saved={tag.name}
        onRename={(name) => edit.mutate({ id: tag.id, name })}
        style={{ minHeight: 36 }}
      />
      <input
        type="color"
        className="tg-swatch"
        aria-label="色 / Colour"
        value={tag.color ?? "#cccccc"}
        onChange={(e) => edit.mutate({ id: tag.id, color: e.target.value })}
      />
      <ChoiceSelect
        aria-label="グループ / Group"
        none="グループなし / No group"
        choices={groups}
        label={(g) => g.name}
        value={tag.groupId ?? ""}
        onChange={(groupId) => edit.mutate({ id: tag.id, groupId: groupId || null })}
        style={{ minHeight: 36 }}
      />
      <span className="badge">{tag.friendCount}人</span>
      {tag.usedByMenuPolicy ? <span className="badge badge--green">メニュー条件</span> : null}
      <button type="button" className="btn btn--small" onClick={() => edit.mutate({ id: tag.id, archived: !tag.archived })}>
        {tag.archived ? <Bi ja="戻す" en="Restore" inline /> : <Bi ja="アーカイブ" en="Archive" inline />}
      </button>
      {edit.isError ? <ErrorState error={edit.error} /> : null}
    </li>
  );
}

function GroupHeader({ group }: { group: TagGroup }) {
  const edit = useEditGroup();
  const remove = useDeleteGroup();
  return (
    <div className="tg-row">
      <input
        type="color"
        className="tg-swatch"
        aria-label="グループの色 / Group colour"
        value={group.color}
        onChange={(e) => edit.mutate({ id: group.id, color: e.target.value })}
      />
      <RenameInput
        label="グループ名 / Group name"
        saved={group.name}
        onRename={(name) => edit.mutate({ id: group.id, name })}
        style={{ fontWeight: 700, minHeight: 36 }}
      />
      <button
        type="button"
        className="btn btn--small btn--danger"
        onClick={() =>
          window.confirm(`グループ「${group.name}」を削除しますか？タグは残ります。 / Delete the group? Its tags stay.`) &&
          remove.mutate(group.id)
        }
      >
        <Bi ja="グループを削除" en="Delete group" inline />
      </button>
      {edit.isError ? <ErrorState error={edit.error} /> : null}
      {remove.isError ? <ErrorState error={remove.error} /> : null}
    </div>
  );
}

function CreateForms({ groups }: { groups: TagGroup[] }) {
  const id = useId();
  const createTag = useCreateTag();
  const createGroup = useCreateGroup();
  const [tag, setTag] = useState({ name: "", groupId: "", color: "#06c755" });
  const [group, setGroup] = useState({ name: "", color: "#06c755" });
  const tagIssue = createTag.error instanceof ApiError ? createTag.error.fieldIssues[0]?.message : undefined;
  const submitTag = (e: FormEvent) => {
    e.preventDefault();
    createTag.mutate(
      { name: tag.name.trim(), groupId: tag.groupId || null, color: tag.color },
      { onSuccess: () => setTag({ ...tag, name: "" }) },
    );
  };
  const submitGroup = (e: FormEvent) => {
    e.preventDefault();
    createGroup.mutate({ name: group.name.trim(), color: group.color }, { onSuccess: () => setGroup({ ...group, name: "" }) });
  };
  return (
    <div className="tg-grid">
      <form className="card" onSubmit={submitTag} noValidate>
        <label htmlFor={`${id}-tag`} className="card__title">
          <Bi ja="タグを作る" en="New tag" inline />
        </label>
        <input
          id={`${id}-tag`}
          value={tag.name}
          onChange={(e) => setTag({ ...tag, name: e.target.value })}
          aria-invalid={tagIssue ? true : undefined}
        />
        <div className="tg-row">
          <input
            type="color"
            className="tg-swatch"
            aria-label="色 / Colour"
            value={tag.color}
            onChange={(e) => setTag({ ...tag, color: e.target.value })}
          />
          <ChoiceSelect
            aria-label="グループ / Group"
            none="グループなし / No group"
            choices={groups}
            label={(g) => g.name}
            value={tag.groupId}
            onChange={(groupId) => setTag({ ...tag, groupId })}
          />
        </div>
        {tagIssue ? <p className="field__error">{tagIssue}</p> : null}
        <button type="submit" className="btn btn--primary" disabled={!tag.name.trim() || createTag.isPending}>
          <Bi ja="作成" en="Create" inline />
        </button>
        {createTag.isError && !tagIssue ? <ErrorState error={createTag.error} /> : null}
      </form>
      <form className="card" onSubmit={submitGroup} noValidate>
        <label htmlFor={`${id}-group`} className="card__title">
          <Bi ja="グループを作る" en="New group" inline />
        </label>
        <input id={`${id}-group`} value={group.name} onChange={(e) => setGroup({ ...group, name: e.target.value })} />
        <input
          type="color"
          className="tg-swatch"
          aria-label="色 / Colour"
          value={group.color}
          onChange={(e) => setGroup({ ...group, color: e.target.value })}
        />
        <button type="submit" className="btn" disabled={!group.name.trim() || createGroup.isPending}>
          <Bi ja="作成" en="Create" inline />
        </button>
        {createGroup.isError ? <ErrorState error={createGroup.error} /> : null}
      </form>
    </div>
  );
}

/** /admin/tags: groups with colours, tags by group with friend counts, archive instead of delete. */
export function TagsAdminPage() {
  const [archived, setArchived] = useState(false);
  const data = useTagAdmin(archived);
  return (
    <div className="page page--wide">
      <title>タグ / Tags | Enishi</title>
      <h1 className="page-title">
        <Bi ja="タグ" en="Tags" />
      </h1>
      <label className="tg-row">
        <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
        <Bi ja="アーカイブ済みも表示" en="Show archived" inline />
      </label>
      <QueryStates query={data}>
        {(view) => (
          <>
            {view.tags.length === 0 ? <EmptyState ja="タグがありません。" en="No tags yet." /> : null}
            {[...view.groups, null].map((group) => {
              const tags = view.tags.filter((t) => t.groupId === (group?.id ?? null));
              if (group === null && tags.length === 0) return null;
              return (
                <section key={group?.id ?? "none"} className="card">
                  {group ? <GroupHeader group={group} /> : <h2 className="card__title">グループなし / Ungrouped</h2>}
                  <ul className="tg-stack" style={{ padding: 0, margin: 0, listStyle: "none" }}>
                    {tags.map((t) => (
                      <TagRow key={t.id} tag={t} groups={view.groups} />
                    ))}
                  </ul>
                </section>
              );
            })}
            <CreateForms groups={view.groups} />
          </>
        )}
      </QueryStates>
    </div>
  );
}
