import { Link } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";

interface Reward {
  key: string;
  kind: "coupon" | "points";
  status: "pending" | "granted" | "unavailable";
  points: number | null;
  coupon: { id: string; title: string } | null;
}

/** After submitting: the shop's thanks and what the answers earned (a coupon links to its page). */
export function SurveyThanks({ thanks, rewards }: { thanks: string; rewards: readonly Reward[] }) {
  return (
    <section className="card survey-thanks" role="status" aria-labelledby="thanks-title" data-testid="survey-thanks">
      <h2 id="thanks-title" className="card__title">
        <Bi ja="ご回答ありがとうございました" en="Thank you for your answers" />
      </h2>
      {thanks ? <p className="survey-thanks__message">{thanks}</p> : null}
      {rewards.length > 0 ? (
        <ul className="survey-rewards">
          {rewards.map((r) => (
            <li key={r.key}>
              {r.kind === "points" ? (
                <Bi ja={`${r.points ?? 0}ポイントをプレゼント`} en={`${r.points ?? 0} points for you`} inline />
              ) : r.status === "granted" && r.coupon ? (
                <Link href={`/coupons/${r.coupon.id}`}>
                  <Bi ja={`クーポン「${r.coupon.title}」をプレゼント`} en="A coupon for you" inline />
                </Link>
              ) : r.status === "unavailable" ? (
                <Bi ja="プレゼントのクーポンは配布が終了していました。" en="The gift coupon is no longer available." inline />
              ) : (
                <Bi ja="プレゼントを準備しています。" en="Your gift is on its way." inline />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <Link href="/" className="btn">
        <Bi ja="ホームへ" en="Home" inline />
      </Link>
    </section>
  );
}
