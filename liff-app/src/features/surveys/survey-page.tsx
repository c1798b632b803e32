import { BackLink } from "../../components/page-header.tsx";
import { EmptyState, Loading, QueryStates } from "../../components/states.tsx";
import { useSurvey } from "./api/my-surveys.ts";
import { SurveyRunner } from "./components/survey-runner.tsx";
import "./surveys.css";

/** /surveys/:surveyId — answer a survey (or see that it is answered or closed). */
export default function SurveyPage({ surveyId }: { surveyId: string }) {
  const survey = useSurvey(surveyId);
  return (
    <div className="page">
      <title>{`${survey.data?.survey.title ?? "アンケート"} / Survey | Enishi`}</title>
      <QueryStates query={survey} loading={<Loading ja="アンケートを読み込み中…" en="Loading the survey…" />}>
        {(data) => (
          <>
            <h1 className="page-title">{data.survey.title}</h1>
            {data.survey.description ? <p className="survey-description">{data.survey.description}</p> : null}
            {data.progress.canAnswer ? (
              <SurveyRunner data={data} />
            ) : data.progress.status === "submitted" ? (
              <EmptyState ja="ご回答済みです。ありがとうございました。" en="You have answered this survey. Thank you." />
            ) : (
              <EmptyState ja="このアンケートは受付を終了しました。" en="This survey is closed." />
            )}
          </>
        )}
      </QueryStates>
      <BackLink href="/surveys" ja="アンケート一覧" en="All surveys" />
    </div>
  );
}
