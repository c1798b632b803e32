import { Link } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryStates } from "../../components/states.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useSegments } from "./api/segments.ts";
import "./segments.css";

/** /admin/segments — saved segments; each opens in the editor with its live count. */
export default function SegmentListPage() {
  const segments = useSegments();
  return (
    <div className="page page--wide">
      <PageHeader
        ja="セグメント"
        en="Segments"
        actions={[
          { href: "/admin/segments/new", ja: "＋ 新しいセグメント", en: "New segment", primary: true },
          { href: "/admin/broadcasts", ja: "配信へ", en: "Broadcasts" },
        ]}
      />
      <QueryStates
        query={segments}
        empty={{
          when: (data) => data.segments.length === 0,
          ja: "セグメントはまだありません。タグや最終アクティブで友だちを絞り込みましょう。",
          en: "No segments yet. Narrow friends down by tags, activity and more.",
        }}
      >
        {(data) => (
          <ul className="seg-list">
            {data.segments.map((s) => (
              <li key={s.id} className="card">
                <Link href={`/admin/segments/${s.id}`} className="card__title">
                  {s.name}
                </Link>
                {s.description ? <p>{s.description}</p> : null}
                <p className="field__hint">
                  <Bi
                    ja={`条件 ${s.filter.conditions.length} ・ 更新 ${formatDateTime(s.updatedAt)}`}
                    en={`${s.filter.conditions.length} condition(s)`}
                    inline
                  />
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryStates>
    </div>
  );
}
