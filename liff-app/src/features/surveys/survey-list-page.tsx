import { Link } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryStates } from "../../components/states.tsx";
import { useMySurveys } from "./api/my-surveys.ts";
import "./surveys.css";

const STATUS = {
  new: { ja: "未回答", en: "New" },
  in_progress: { ja: "回答途中", en: "In progress" },
  submitted: { ja: "回答済み", en: "Answered" },
} as const;

/** /surveys — the open surveys and where the customer stands in each. */
export default function SurveyListPage() {
  const surveys = useMySurveys();
  return (
    <div className="page">
      <PageHeader ja="アンケート" en="Surveys" />
      <QueryStates
        query={surveys}
        empty={{
          when: (data) => data.surveys.length === 0,
          ja: "いま回答できるアンケートはありません。",
          en: "No surveys to answer right now.",
        }}
      >
        {(data) => (
          <ul className="survey-list">
            {data.surveys.map((s) => (
              <li key={s.id}>
                <Link href={`/surveys/${s.id}`} className="survey-item">
                  <span className="survey-item__title">{s.title}</span>
                  {s.description ? <span className="field__hint">{s.description}</span> : null}
                  <span className={`survey-item__status survey-item__status--${s.status}`}>
                    <Bi ja={STATUS[s.status].ja} en={STATUS[s.status].en} inline />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryStates>
    </div>
  );
}
