import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { type ReconcileRun, useStartReconcile } from "../api/menus.ts";

const STATUS: Record<string, [string, string, string]> = {
  running: ["実行中", "Running", "badge"],
  done: ["完了", "Done", "badge badge--green"],
  failed: ["失敗", "Failed", "badge badge--danger"],
  superseded: ["新しい実行に交代", "Superseded", "badge"],
};

/**
 * Bulk re-application of the policy to every friend (after a rule or menu change, or by hand): progress of
 * the latest runs. LINE is called only for friends whose menu changes, ≤ 500 per call.
 */
export function ReconcileRuns({ runs }: { runs: ReconcileRun[] }) {
  const start = useStartReconcile();
  return (
    <div className="card">
      <p className="field__hint">
        <Bi
          ja="ルールやメニューを変えると、全員のメニューを自動で見直します（LINE への一括リンクは1回500人まで）。"
          en="Changing rules or menus re-applies the policy to everyone (bulk links of up to 500 per call)."
        />
      </p>
      {runs.length > 0 ? (
        <table className="rm-table" data-testid="reconcile-runs">
          <thead>
            <tr>
              <th>
                <Bi ja="開始" en="Started" inline />
              </th>
              <th>
                <Bi ja="理由" en="Why" inline />
              </th>
              <th>
                <Bi ja="状態" en="Status" inline />
              </th>
              <th>
                <Bi ja="確認 / 変更 / 呼出" en="Seen / moved / calls" inline />
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const [ja, en, cls] = STATUS[run.status] ?? [run.status, run.status, "badge"];
              return (
                <tr key={run.id}>
                  <td>{formatDateTime(run.createdAt)}</td>
                  <td>{run.reason}</td>
                  <td>
                    <span className={cls}>
                      <Bi ja={ja} en={en} inline />
                    </span>
                    {run.error ? <p className="field__error">{run.error}</p> : null}
                  </td>
                  <td>
                    {run.friendsSeen} / {run.linked + run.unlinked} / {run.calls}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <div>
        <button type="button" className="btn" onClick={() => start.mutate()} disabled={start.isPending}>
          <Bi ja="今すぐ全員に再適用" en="Re-apply to everyone now" inline />
        </button>
      </div>
      {start.isError ? <ErrorState error={start.error} /> : null}
    </div>
  );
}
