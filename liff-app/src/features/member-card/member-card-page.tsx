import "./member-card.css";
import { Bi } from "../../components/bilingual.tsx";
import { QueryStates } from "../../components/states.tsx";
import { useCard, useRotatingCode } from "./api/get-card.ts";
import { MemberCardView } from "./components/member-card-view.tsx";
import { PointHistory } from "./components/point-history.tsx";
import { useWakeLock } from "./hooks/use-wake-lock.ts";

function CardSkeleton() {
  return (
    <section className="card member-card member-card--loading" aria-busy="true">
      <p role="status">
        <Bi ja="会員証を読み込み中…" en="Loading your member card…" />
      </p>
      <div className="member-card__qr">
        <div className="member-qr member-qr--placeholder" />
      </div>
    </section>
  );
}

/** `/card` — the customer's member card: a LINE-only membership is made on the first open. */
export default function MemberCardPage() {
  const card = useCard();
  const code = useRotatingCode(card.data);
  useWakeLock(card.isSuccess);
  return (
    <div className="page">
      <title>会員証 / Member card | Enishi</title>
      <QueryStates query={card} loading={<CardSkeleton />}>
        {(data) => (
          <>
            <MemberCardView card={data} code={code.data?.code ?? data.code} refreshFailed={code.isError} />
            <PointHistory history={data.history} />
          </>
        )}
      </QueryStates>
    </div>
  );
}
