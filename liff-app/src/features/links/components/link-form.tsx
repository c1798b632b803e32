import type { TrackedLinkInput } from "@enishi/shared/links/index";
import { type FormEvent, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ApiError } from "../../../lib/api.ts";
import { describeProblem } from "../../../lib/problem.ts";
import { useTagAdmin } from "../../tags/api/tags.ts";
import { useCreateLink } from "../api/links.ts";

const EMPTY: TrackedLinkInput = { name: "", destination: "", code: "", tagId: null };

/** Create a tracked link: name, destination, an optional code of one's own, an optional tag on click. */
export function LinkForm() {
  const [draft, setDraft] = useState<TrackedLinkInput>(EMPTY);
  const create = useCreateLink();
  const tags = useTagAdmin(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(draft, { onSuccess: () => setDraft(EMPTY) });
  }
  const problem = create.error ? describeProblem(create.error) : null;
  const issues = create.error instanceof ApiError ? create.error.fieldIssues : [];
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2 className="card__title">
        <Bi ja="新しいリンク" en="New tracked link" inline />
      </h2>
      <div className="field">
        <label htmlFor="link-name">
          <Bi ja="名前" en="Name" inline />
        </label>
        <input id="link-name" required maxLength={80} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="link-dest">
          <Bi ja="リンク先URL（https://…）" en="Destination URL" inline />
        </label>
        <input
          id="link-dest"
          type="url"
          required
          placeholder="https://"
          value={draft.destination}
          onChange={(e) => setDraft({ ...draft, destination: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="link-code">
          <Bi ja="コード（空欄なら自動）" en="Code (blank: generated)" inline />
        </label>
        <input
          id="link-code"
          maxLength={32}
          pattern="[A-Za-z0-9_\-]{3,32}"
          value={draft.code ?? ""}
          onChange={(e) => setDraft({ ...draft, code: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="link-tag">
          <Bi ja="クリックした友だちに付けるタグ" en="Tag clickers with" inline />
        </label>
        <select id="link-tag" value={draft.tagId ?? ""} onChange={(e) => setDraft({ ...draft, tagId: e.target.value || null })}>
          <option value="">なし / none</option>
          {(tags.data?.tags ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <p className="field__hint">
          <Bi
            ja="タグはトークで送った本人用のリンクをクリックした友だちにだけ付きます。"
            en="Only friends clicking their own signed link from a chat are tagged."
            inline
          />
        </p>
      </div>
      {problem ? (
        <div className="state state--error" role="alert">
          <p className="state__title">
            <Bi ja={problem.ja} en={problem.en} />
          </p>
          {problem.detail ? <p className="state__detail">{problem.detail}</p> : null}
          {issues.map((issue) => (
            <p key={issue.path} className="field__error">
              {issue.path}: {issue.message}
            </p>
          ))}
        </div>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={create.isPending}>
        <Bi ja={create.isPending ? "作成中…" : "作成"} en={create.isPending ? "Creating…" : "Create"} inline />
      </button>
    </form>
  );
}
