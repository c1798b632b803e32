import { Bi } from "../../../components/bilingual.tsx";
import { EmptyState, ErrorState, Loading } from "../../../components/states.tsx";
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
      {audit.isPending ? <Loading /> : null}
      {audit.isError ? <ErrorState error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {audit.data?.entries.length === 0 ? <EmptyState ja="まだ記録はありません。" en="Nothing recorded yet." /> : null}
      {audit.data && audit.data.entries.length > 0 ? (
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
            {audit.data.entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td className="mono">{e.action}</td>
                <td className="mono">{e.staffUserId.slice(0, 9)}…</td>
                <td>{e.storeId ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
