import { Link } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { useMySurveys } from "../api/my-surveys.ts";

/** The customer home's survey prompt: shown only when there is a survey they can answer (or finish). */
export function SurveysHomeCard() {
  const surveys = useMySurveys();
  const open = (surveys.data?.surveys ?? []).filter((s) => s.canAnswer && s.status !== "submitted");
  if (open.length === 0) return null;
  const first = open[0];
  return (
    <section className="card" aria-labelledby="surveys-home-title" data-testid="home-surveys">
      <h2 id="surveys-home-title" className="card__title">
        <Bi ja="アンケート" en="Surveys" />
      </h2>
      <p>
        <Bi
          ja={`ご回答をお待ちしているアンケートが ${open.length} 件あります。`}
          en={`${open.length} survey${open.length === 1 ? "" : "s"} waiting for your answers.`}
        />
      </p>
      <Link href={open.length === 1 && first ? `/surveys/${first.id}` : "/surveys"} className="btn">
        {open.length === 1 && first ? (
          <Bi ja={`「${first.title}」に答える`} en="Answer it" inline />
        ) : (
          <Bi ja="アンケートを見る" en="See surveys" inline />
        )}
      </Link>
    </section>
  );
}
