import "../../../components/admin.css";
import type { SurveyQuestionResult } from "@enishi/shared";
import { useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { BackLink } from "../../../components/page-header.tsx";
import { EmptyState, ErrorState, Loading, QueryStates } from "../../../components/states.tsx";
import { downloadSurveyCsv, useSurveyResults } from "../api/admin-surveys.ts";
import "../surveys.css";
import { BarChart } from "./bar-chart.tsx";

function CountsTable({ rows, caption }: { rows: { label: string; count: number }[]; caption: string }) {
  const total = rows.reduce((s, r) => s + r.count, 0);
  return (
    <table className="admin-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th>回答 / Answer</th>
          <th className="num">件数 / Count</th>
          <th className="num">割合 / Share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{r.label}</td>
            <td className="num">{r.count}</td>
            <td className="num">{total === 0 ? "—" : `${Math.round((r.count / total) * 100)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QuestionResult({ q, index }: { q: SurveyQuestionResult; index: number }) {
  const heading = `Q${index + 1}. ${q.title}`;
  let body: React.ReactNode;
  if (q.type === "single" || q.type === "multiple") {
    const rows = q.options.map((o) => ({ label: o.label, count: o.count }));
    body = (
      <>
        <BarChart labels={rows.map((r) => r.label)} values={rows.map((r) => r.count)} horizontal />
        <CountsTable rows={rows} caption={heading} />
      </>
    );
  } else if (q.type === "scale" || q.type === "nps") {
    const rows = q.distribution.map((d) => ({ label: String(d.value), count: d.count }));
    body = (
      <>
        <p>
          {q.type === "scale" ? (
            <Bi ja={`平均 ${q.average ?? "—"}`} en={`Average ${q.average ?? "—"}`} inline />
          ) : (
            <Bi
              ja={`NPS ${q.score ?? "—"}（推奨 ${q.promoters}・中立 ${q.passives}・批判 ${q.detractors}）`}
              en={`NPS ${q.score ?? "—"} (promoters ${q.promoters}, passives ${q.passives}, detractors ${q.detractors})`}
              inline
            />
          )}
        </p>
        <BarChart labels={rows.map((r) => r.label)} values={rows.map((r) => r.count)} />
        <CountsTable rows={rows} caption={heading} />
      </>
    );
  } else if ("latest" in q) {
    body =
      q.latest.length === 0 ? null : (
        <ul className="result-texts">
          {q.latest.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: answers repeat; their order is fixed
            <li key={i}>{text}</li>
          ))}
        </ul>
      );
  }
  return (
    <section className="card result-question" aria-label={heading}>
      <h2 className="card__title">{heading}</h2>
      <p className="field__hint">
        <Bi ja={`回答 ${q.answered} 件`} en={`${q.answered} answered`} inline />
      </p>
      {body}
    </section>
  );
}

/** /admin/surveys/:id/results — counts and a chart per question, and the CSV of every response. */
export default function SurveyResults({ surveyId }: { surveyId: string }) {
  const results = useSurveyResults(surveyId);
  const [csvError, setCsvError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  async function exportCsv() {
    setCsvError(null);
    setDownloading(true);
    try {
      await downloadSurveyCsv(surveyId);
    } catch (error) {
      setCsvError(error);
    } finally {
      setDownloading(false);
    }
  }
  return (
    <div className="page page--wide">
      <title>アンケート結果 / Survey results | Enishi</title>
      <BackLink href={`/admin/surveys/${surveyId}`} ja="アンケートの編集" en="Edit survey" />
      <QueryStates query={results} loading={<Loading ja="集計中…" en="Counting…" />}>
        {(data) => (
          <>
            <h1 className="page-title">{data.survey.title}</h1>
            <p>
              <Bi ja={`回答数 ${data.responses} 件`} en={`${data.responses} responses`} inline />{" "}
              <button type="button" className="btn btn--small" onClick={() => void exportCsv()} disabled={downloading}>
                <Bi ja="CSV をダウンロード" en="Download CSV" inline />
              </button>
            </p>
            {csvError ? <ErrorState error={csvError} /> : null}
            {data.responses === 0 ? <EmptyState ja="まだ回答がありません。" en="No responses yet." /> : null}
            {data.responses > 0 ? data.questions.map((q, i) => <QuestionResult key={q.questionId} q={q} index={i} />) : null}
          </>
        )}
      </QueryStates>
    </div>
  );
}
