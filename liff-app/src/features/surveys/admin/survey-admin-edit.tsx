import { Link, useLocation } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { PageHeader } from "../../../components/page-header.tsx";
import { ErrorState, Loading } from "../../../components/states.tsx";
import { useAdminSurvey } from "../api/admin-surveys.ts";
import "../surveys.css";
import { emptySurvey } from "./builder-state.ts";
import { SurveyBuilder } from "./survey-builder.tsx";

/** /admin/surveys/new and /admin/surveys/:id — the builder, with the customer link once saved. */
export default function SurveyAdminEdit({ surveyId }: { surveyId: string | null }) {
  const [, navigate] = useLocation();
  const survey = useAdminSurvey(surveyId);
  const title = surveyId === null ? { ja: "新しいアンケート", en: "New survey" } : { ja: "アンケートの編集", en: "Edit survey" };
  return (
    <div className="page page--wide">
      <PageHeader ja={title.ja} en={title.en} back={{ href: "/admin/surveys", ja: "アンケート管理", en: "Surveys" }} />
      {surveyId === null ? (
        <SurveyBuilder surveyId={null} initial={emptySurvey()} onSaved={(id) => navigate(`/admin/surveys/${id}`, { replace: true })} />
      ) : null}
      {surveyId !== null && survey.isPending ? <Loading /> : null}
      {surveyId !== null && survey.isError ? <ErrorState error={survey.error} onRetry={() => void survey.refetch()} /> : null}
      {surveyId !== null && survey.isSuccess ? (
        <>
          <p className="field__hint">
            <Bi
              ja={`回答 ${survey.data.counts.submitted} 件・回答中 ${survey.data.counts.inProgress} 件。お客様向けリンク: /surveys/${surveyId}`}
              en={`${survey.data.counts.submitted} responses. Customer link: /surveys/${surveyId}`}
            />
          </p>
          <p>
            <Link href={`/admin/surveys/${surveyId}/results`} className="btn">
              <Bi ja="結果を見る" en="Results" inline />
            </Link>
          </p>
          <SurveyBuilder
            key={surveyId}
            surveyId={surveyId}
            initial={{
              title: survey.data.title,
              description: survey.data.description,
              allowMultiple: survey.data.allowMultiple,
              status: survey.data.status,
              definition: survey.data.definition,
            }}
            onSaved={() => undefined}
          />
        </>
      ) : null}
    </div>
  );
}
