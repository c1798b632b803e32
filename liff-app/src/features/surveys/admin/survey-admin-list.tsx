import "../../../components/admin.css";
import { Link } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { PageHeader } from "../../../components/page-header.tsx";
import { QueryStates } from "../../../components/states.tsx";
import { useAdminSurveys } from "../api/admin-surveys.ts";
import "../surveys.css";

const STATUS = { draft: "下書き / Draft", open: "受付中 / Open", closed: "終了 / Closed" } as const;

/** /admin/surveys — every survey with its response counts, links to edit and to results. */
export default function SurveyAdminList() {
  const surveys = useAdminSurveys();
  return (
    <div className="page page--wide">
      <PageHeader
        ja="アンケート管理"
        en="Surveys"
        actions={[{ href: "/admin/surveys/new", ja: "＋ 新しいアンケート", en: "New survey", primary: true }]}
      />
      <QueryStates
        query={surveys}
        empty={{
          when: (data) => data.surveys.length === 0,
          ja: "アンケートはまだありません。最初のアンケートを作りましょう。",
          en: "No surveys yet. Create the first one.",
        }}
      >
        {(data) => (
          <table className="admin-table" data-testid="survey-admin-list">
            <thead>
              <tr>
                <th>タイトル / Title</th>
                <th>状態 / Status</th>
                <th className="num">回答 / Responses</th>
                <th className="num">回答中 / In progress</th>
                <th>結果 / Results</th>
              </tr>
            </thead>
            <tbody>
              {data.surveys.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/admin/surveys/${s.id}`}>{s.title}</Link>
                  </td>
                  <td>{STATUS[s.status]}</td>
                  <td className="num">{s.counts.submitted}</td>
                  <td className="num">{s.counts.inProgress}</td>
                  <td>
                    <Link href={`/admin/surveys/${s.id}/results`}>
                      <Bi ja="結果を見る" en="Results" inline />
                    </Link>
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
