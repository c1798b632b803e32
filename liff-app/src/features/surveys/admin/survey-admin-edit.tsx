import { Link, useLocation } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { PageHeader } from "../../../components/page-header.tsx";
import { QueryStates } from "../../../components/states.tsx";
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
      {surveyId !== null ? (
        <QueryStates query={survey}>
          {(data) => (
            <>
              <p className="field__hint">
                <Bi
                  ja={`回答 ${data.counts.submitted} 件・回答中 ${data.counts.inProgress} 件。お客様向けリンク: /surveys/${surveyId}`}
                  en={`${data.counts.submitted} responses. Customer link: /surveys/${surveyId}`}
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
                  title: data.title,
                  description: data.description,
                  allowMultiple: data.allowMultiple,
                  status: data.status,
                  definition: data.definition,
                }}
                onSaved={() => undefined}
              />
            </>
          )}
        </QueryStates>
      ) : null}
    </div>
  );
}
