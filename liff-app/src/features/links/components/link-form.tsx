import type { TrackedLinkInput } from "@enishi/shared/links/index";
import { type FormEvent, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ChoiceSelect } from "../../../components/choice-select.tsx";
import { Field } from "../../../components/field.tsx";
import { FormProblem } from "../../../components/form-feedback.tsx";
import { useCreateLink } from "../api/links.ts";

/** A tag a click can add. */
export interface LinkTag {
  id: string;
  name: string;
}

const EMPTY: TrackedLinkInput = { name: "", destination: "", code: "", tagId: null };

/**
 * Create a tracked link: name, destination, an optional code of one's own, an optional tag on click
 * (`tags`: the live tags to choose from, which the app gives from the tags feature).
 */
export function LinkForm({ tags }: { tags: readonly LinkTag[] }) {
  const [draft, setDraft] = useState<TrackedLinkInput>(EMPTY);
  const create = useCreateLink();
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(draft, { onSuccess: () => setDraft(EMPTY) });
  }
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2 className="card__title">
        <Bi ja="新しいリンク" en="New tracked link" inline />
      </h2>
      <Field id="link-name" ja="名前" en="Name">
        {(p) => <input {...p} required maxLength={80} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
      </Field>
      <Field id="link-dest" ja="リンク先URL（https://…）" en="Destination URL">
        {(p) => (
          <input
            {...p}
            type="url"
            required
            placeholder="https://"
            value={draft.destination}
            onChange={(e) => setDraft({ ...draft, destination: e.target.value })}
          />
        )}
      </Field>
      <Field id="link-code" ja="コード（空欄なら自動）" en="Code (blank: generated)">
        {(p) => (
          <input
            {...p}
            maxLength={32}
            pattern="[A-Za-z0-9_\-]{3,32}"
            value={draft.code ?? ""}
            onChange={(e) => setDraft({ ...draft, code: e.target.value })}
          />
        )}
      </Field>
      <Field
        id="link-tag"
        ja="クリックした友だちに付けるタグ"
        en="Tag clickers with"
        hint={{
          ja: "タグはトークで送った本人用のリンクをクリックした友だちにだけ付きます。",
          en: "Only friends clicking their own signed link from a chat are tagged.",
        }}
      >
        {(p) => (
          <ChoiceSelect
            {...p}
            none="なし / none"
            choices={tags}
            label={(t) => t.name}
            value={draft.tagId ?? ""}
            onChange={(tagId) => setDraft({ ...draft, tagId: tagId || null })}
          />
        )}
      </Field>
      <FormProblem error={create.error} />
      <button type="submit" className="btn btn--primary" disabled={create.isPending}>
        <Bi ja={create.isPending ? "作成中…" : "作成"} en={create.isPending ? "Creating…" : "Create"} inline />
      </button>
    </form>
  );
}
