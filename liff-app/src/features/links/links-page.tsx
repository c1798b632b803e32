import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ErrorState, QueryStates } from "../../components/states.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useDeleteLink, useLinks } from "./api/links.ts";
import { LinkForm, type LinkTag } from "./components/link-form.tsx";
import "./links.css";

/** /admin/links — tracked links: where each goes, its public URL, clicks and unique clickers; `tags` for the form. */
export function LinksPage({ tags }: { tags: readonly LinkTag[] }) {
  const links = useLinks();
  const remove = useDeleteLink();
  return (
    <div className="page page--wide">
      <PageHeader ja="計測リンク" en="Tracked links" />
      <LinkForm tags={tags} />
      {remove.error ? <ErrorState error={remove.error} /> : null}
      <QueryStates
        query={links}
        empty={{ when: (data) => data.links.length === 0, ja: "リンクはまだありません。", en: "No tracked links yet." }}
      >
        {(data) => (
          <table className="link-table">
            <thead>
              <tr>
                <th>名前 / Name</th>
                <th>URL</th>
                <th>タグ / Tag</th>
                <th>クリック / Clicks</th>
                <th>人数 / Users</th>
                <th>作成 / Created</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.links.map((l) => (
                <tr key={l.id}>
                  <td>
                    {l.name}
                    <br />
                    <small className="field__hint">→ {l.destination}</small>
                  </td>
                  <td>
                    <code>{l.url}</code>
                  </td>
                  <td>{l.tagName ?? "—"}</td>
                  <td className="num">{l.clicks}</td>
                  <td className="num">{l.uniqueUsers}</td>
                  <td>{formatDateTime(l.createdAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(`「${l.name}」を削除しますか？クリック記録も消えます。 / Delete this link and its clicks?`))
                          remove.mutate(l.id);
                      }}
                    >
                      <Bi ja="削除" en="Delete" inline />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryStates>
    </div>
  );
}
