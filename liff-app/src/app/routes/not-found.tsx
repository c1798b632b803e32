import { Link } from "wouter";
import { Bi } from "../../components/bilingual.tsx";

export function NotFoundRoute() {
  return (
    <div className="page">
      <title>ページが見つかりません / Not found | Enishi</title>
      <section className="card" aria-labelledby="not-found-title">
        <h1 id="not-found-title" className="page-title">
          <Bi ja="ページが見つかりません" en="Page not found" />
        </h1>
        <p>
          <Link href="/" className="btn">
            <Bi ja="ホームへ戻る" en="Back to home" inline />
          </Link>
        </p>
      </section>
    </div>
  );
}
