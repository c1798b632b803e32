import type { SegmentFilter } from "@enishi/shared/segments/index";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useSegmentPreview } from "../api/segments.ts";

/** The live count and the most recently active members of the filter being edited. */
export function SegmentPreview({ filter, ready }: { filter: SegmentFilter; ready: boolean }) {
  const preview = useSegmentPreview(filter, ready);
  return (
    <aside className="card seg-preview" aria-live="polite" aria-busy={preview.isFetching}>
      <h2 className="card__title">
        <Bi ja="対象の友だち" en="Matching friends" inline />
      </h2>
      {!ready ? (
        <p className="field__hint">
          <Bi ja="条件を選ぶと人数が表示されます" en="Pick values for every condition to see the count" inline />
        </p>
      ) : null}
      {preview.isError ? <ErrorState error={preview.error} /> : null}
      {preview.data ? (
        <>
          <p className="seg-preview__count" data-testid="segment-count">
            {preview.data.count.toLocaleString()}
            <span className="field__hint"> 人 / friends</span>
          </p>
          <p className="field__hint">
            <Bi ja={`${preview.data.tookMs} ms で集計`} en={`counted in ${preview.data.tookMs} ms`} inline />
            {preview.isFetching ? " …" : ""}
          </p>
          <ul className="seg-members">
            {preview.data.members.map((m) => (
              <li key={m.userId}>
                <span>{m.displayName ?? "（名前なし / no name）"}</span>
                <span className="field__hint">{m.lastActiveAt ? formatDateTime(m.lastActiveAt) : "—"}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
