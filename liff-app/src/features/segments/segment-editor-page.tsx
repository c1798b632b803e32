import type { SegmentCondition, SegmentFilter, SegmentNode } from "@enishi/shared/segments/index";
import { type FormEvent, useDeferredValue, useState } from "react";
import { useLocation } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { Field } from "../../components/field.tsx";
import { FormProblem } from "../../components/form-feedback.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ErrorState, QueryStates } from "../../components/states.tsx";
import { useDeleteSegment, useSaveSegment, useSegment, useSegmentOptions } from "./api/segments.ts";
import { ConditionEditor } from "./components/condition-editor.tsx";
import { CONDITION_KINDS } from "./components/condition-labels.ts";
import { SegmentPreview } from "./components/segment-preview.tsx";
import "./segments.css";

interface Draft {
  name: string;
  description: string;
  filter: SegmentFilter;
}

/** A condition the server would refuse for lack of a choice: the preview waits until each has one. */
function complete(node: SegmentNode): boolean {
  if (node.kind === "group") return node.conditions.every(complete);
  if (node.kind === "tags") return node.tagIds.length > 0;
  if (node.kind === "rank") return node.rankIds.length > 0;
  if (node.kind === "store") return node.storeIds.length > 0;
  if (node.kind === "purchaseTotal") return node.min !== undefined || node.max !== undefined;
  return true;
}

function Editor({ id, initial }: { id: string | null; initial: Draft }) {
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(initial);
  const options = useSegmentOptions();
  const save = useSaveSegment(id);
  const remove = useDeleteSegment();
  // Counting waits for typing to settle: the deferred filter lags the draft while the user types.
  const filter = useDeferredValue(draft.filter);
  const setConditions = (conditions: SegmentNode[]) => setDraft({ ...draft, filter: { ...draft.filter, conditions } });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(draft, { onSuccess: (saved) => navigate(`/admin/segments/${saved.id}`, { replace: true }) });
  }
  return (
    <div className="seg-layout">
      <form className="card" onSubmit={submit} noValidate>
        <Field id="seg-name" ja="セグメント名" en="Name">
          {(p) => (
            <input {...p} required maxLength={80} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          )}
        </Field>
        <Field id="seg-desc" ja="メモ" en="Description">
          {(p) => (
            <input {...p} maxLength={500} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          )}
        </Field>
        <Field id="seg-match" ja="条件の組み合わせ" en="Combine conditions">
          {(p) => (
            <select
              {...p}
              value={draft.filter.match}
              onChange={(e) => setDraft({ ...draft, filter: { ...draft.filter, match: e.target.value as "all" | "any" } })}
            >
              <option value="all">すべてに当てはまる / all of them</option>
              <option value="any">いずれかに当てはまる / any of them</option>
            </select>
          )}
        </Field>
        {draft.filter.conditions.length === 0 ? (
          <p className="field__hint">
            <Bi ja="条件なし：フォロー中の友だち全員です。" en="No conditions: everyone who follows the account." inline />
          </p>
        ) : null}
        <ol className="seg-conditions">
          {draft.filter.conditions.map((node, i) =>
            node.kind === "group" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own; order is the identity
              <li key={i} className="seg-condition">
                <span>
                  <Bi
                    ja={`グループ（${node.conditions.length}条件、API で作成）`}
                    en={`Group of ${node.conditions.length} (made via the API)`}
                    inline
                  />
                </span>
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => setConditions(draft.filter.conditions.filter((_, j) => j !== i))}
                >
                  <Bi ja="削除" en="Remove" inline />
                </button>
              </li>
            ) : (
              <ConditionEditor
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own; order is the identity
                key={i}
                condition={node}
                options={options.data}
                onChange={(next: SegmentCondition) => setConditions(draft.filter.conditions.map((c, j) => (j === i ? next : c)))}
                onRemove={() => setConditions(draft.filter.conditions.filter((_, j) => j !== i))}
              />
            ),
          )}
        </ol>
        <p>
          <button
            type="button"
            className="btn btn--small"
            disabled={draft.filter.conditions.length >= 20}
            onClick={() => setConditions([...draft.filter.conditions, CONDITION_KINDS[0]?.initial ?? { kind: "linked", linked: true }])}
          >
            <Bi ja="＋ 条件を追加" en="Add condition" inline />
          </button>
        </p>
        <FormProblem error={save.error} />
        <div className="seg-actions">
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            <Bi ja={save.isPending ? "保存中…" : "保存"} en={save.isPending ? "Saving…" : "Save"} inline />
          </button>
          {id !== null ? (
            <button
              type="button"
              className="btn btn--danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(id, { onSuccess: () => navigate("/admin/segments", { replace: true }) })}
            >
              <Bi ja="削除" en="Delete" inline />
            </button>
          ) : null}
        </div>
        {remove.error ? <ErrorState error={remove.error} /> : null}
      </form>
      <SegmentPreview filter={filter} ready={complete(filter)} />
    </div>
  );
}

/** /admin/segments/new and /admin/segments/:id — the filter editor with its live count and members. */
export default function SegmentEditorPage({ segmentId }: { segmentId: string | null }) {
  const segment = useSegment(segmentId);
  const title = segmentId === null ? { ja: "新しいセグメント", en: "New segment" } : { ja: "セグメントの編集", en: "Edit segment" };
  return (
    <div className="page page--wide">
      <PageHeader ja={title.ja} en={title.en} back={{ href: "/admin/segments", ja: "セグメント", en: "Segments" }} />
      {segmentId === null ? (
        <Editor id={null} initial={{ name: "", description: "", filter: { kind: "group", match: "all", conditions: [] } }} />
      ) : null}
      {segmentId !== null ? (
        <QueryStates query={segment}>
          {(data) => (
            <Editor
              key={data.updatedAt}
              id={segmentId}
              initial={{ name: data.name, description: data.description, filter: data.filter as SegmentFilter }}
            />
          )}
        </QueryStates>
      ) : null}
    </div>
  );
}
