import { Link } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";

/** The customer home's way to the member card. */
export function CardLink() {
  return (
    <section className="card" aria-labelledby="card-link-title">
      <h2 id="card-link-title" className="card__title">
        <Bi ja="会員証" en="Member card" />
      </h2>
      <p className="field__hint">
        <Bi ja="お会計時にQRコードを提示するとポイントが貯まります。" en="Show the QR code when you pay to earn points." />
      </p>
      <Link href="/card" className="btn btn--primary" data-testid="open-card">
        <Bi ja="会員証を表示" en="Show member card" inline />
      </Link>
    </section>
  );
}
