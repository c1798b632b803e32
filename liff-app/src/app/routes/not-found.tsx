import { Bi } from "../../components/bilingual.tsx";
import { HomeButton } from "../../components/page-header.tsx";

export function NotFoundRoute() {
  return (
    <div className="page">
      <title>ページが見つかりません / Not found | Enishi</title>
      <section className="card" aria-labelledby="not-found-title">
        <h1 id="not-found-title" className="page-title">
          <Bi ja="ページが見つかりません" en="Page not found" />
        </h1>
        <HomeButton />
      </section>
    </div>
  );
}
