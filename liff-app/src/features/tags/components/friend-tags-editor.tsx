import "../tags.css";
import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { RemovableChip } from "../../../components/chip.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useAddFriendTag, useFriendTags, useRemoveFriendTag } from "../api/friend-tags.ts";
import { useTagAdmin } from "../api/tags.ts";

const SOURCES: Record<string, string> = {
  staff: "スタッフ",
  survey: "アンケート",
  coupon: "クーポン",
  link: "リンク",
  scenario: "シナリオ",
  purchase: "購入",
  api: "API",
  system: "システム",
  import: "取り込み",
  seed: "デモ",
};

/** A friend's tags with add/remove by hand (recorded as staff), and the recent history with sources. */
export function FriendTagsEditor({ userId }: { userId: string }) {
  const id = useId();
  const tags = useFriendTags(userId);
  const known = useTagAdmin(false);
  const add = useAddFriendTag(userId);
  const remove = useRemoveFriendTag(userId);
  const [name, setName] = useState("");
  const fieldError = add.error instanceof ApiError ? add.error.fieldIssues[0]?.message : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) add.mutate(name.trim(), { onSuccess: () => setName("") });
  }

  return (
    <QueryStates query={tags}>
      {(data) => (
        <div className="tg-stack" data-testid="friend-tags">
          <div className="tg-row">
            {data.tags.length === 0 ? (
              <span className="field__hint">
                <Bi ja="タグなし" en="No tags" inline />
              </span>
            ) : null}
            {data.tags.map((t) => (
              <RemovableChip
                key={t.id}
                name={t.name}
                coloured
                style={t.color ? { borderColor: t.color } : undefined}
                disabled={remove.isPending}
                onRemove={() => remove.mutate(t.id)}
              />
            ))}
          </div>
          <form className="tg-row" onSubmit={submit} noValidate>
            <label htmlFor={`${id}-tag`} className="visually-hidden">
              タグ / Tag
            </label>
            <input
              id={`${id}-tag`}
              list={`${id}-known`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="タグを追加 / Add a tag"
              style={{ flex: 1, minHeight: 40 }}
              aria-invalid={fieldError ? true : undefined}
            />
            <datalist id={`${id}-known`}>
              {known.data?.tags.map((t) => (
                <option key={t.id} value={t.name} />
              ))}
            </datalist>
            <button type="submit" className="btn btn--small" disabled={add.isPending || !name.trim()}>
              <Bi ja="追加" en="Add" inline />
            </button>
          </form>
          {fieldError ? <p className="field__error">{fieldError}</p> : null}
          {add.isError && !fieldError ? <ErrorState error={add.error} /> : null}
          {remove.isError ? <ErrorState error={remove.error} /> : null}
          <details>
            <summary>
              <Bi ja="タグの履歴" en="Tag history" inline />
            </summary>
            <ul>
              {data.history.map((h) => (
                <li key={`${h.at}-${h.tagId}-${h.action}`}>
                  {formatDateTime(h.at)} {h.action === "add" ? "＋" : "−"} {h.tag}（{SOURCES[h.source] ?? h.source}）
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </QueryStates>
  );
}
