import { Bi } from "../../../components/bilingual.tsx";
import { QueryStates } from "../../../components/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useAudit } from "../api/admin-points.ts";

/** The latest staff actions: who did what, where and when. */
export function AuditList() {
  const audit = useAudit();
  return (
    <div className="card" data-testid="audit-list">
      <h3 className="card__title">
        <Bi ja="操作ログ" en="Audit log" />
      </h3>
      <QueryStates
        query={audit}
        empty={{ when: (data) => data.entries.length === 0, ja: "まだ記録はありません。", en: "Nothing recorded yet." }}
      >
        {(data) => (
          <table className="rank-table">
            <thead>
              <tr>
                <th>日時 / When</th>
                <th>操作 / Action</th>
                <th>スタッフ / Staff</th>
                <th>店舗 / Store</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td className="mono">{e.action}</td>
                  <td className="mono">{e.staffUserId.slice(0, 9)}…</td>
                  <td>{e.storeId ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryStates>
    </div>
  );
}
