import { Link } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useMyCoupons } from "../api/my-coupons.ts";

/**
 * The customer home's coupon summary: how many they hold, how many they can still take, and the one that
 * runs out first. While loading (or if the list cannot be read) it is just the way to the coupons.
 */
export function CouponsHomeCard() {
  const coupons = useMyCoupons();
  const available = coupons.data?.available ?? [];
  const held = available.filter((c) => c.state === "available" && c.grant);
  const claimable = available.filter((c) => c.state === "claimable").length;
  const soonest = held.reduce<(typeof held)[number] | undefined>(
    (first, c) => (!first || (c.grant?.expiresAt ?? 0) < (first.grant?.expiresAt ?? 0) ? c : first),
    undefined,
  );
  return (
    <section className="card" aria-labelledby="coupons-home-title" data-testid="home-coupons">
      <h2 id="coupons-home-title" className="card__title">
        <Bi ja="クーポン" en="Coupons" />
      </h2>
      {coupons.data ? (
        <p data-testid="home-coupons-summary">
          {held.length === 0 && claimable === 0 ? (
            <Bi ja="今使えるクーポンはありません。" en="No coupons to use right now." />
          ) : (
            <Bi
              ja={`使えるクーポン ${held.length} 枚${claimable > 0 ? `・もらえるクーポン ${claimable} 枚` : ""}`}
              en={`${held.length} to use${claimable > 0 ? `, ${claimable} to take` : ""}`}
            />
          )}
        </p>
      ) : null}
      {soonest?.grant ? (
        <p className="field__hint">
          <Bi
            ja={`期限が近いもの：${soonest.coupon.title}（${formatDate(soonest.grant.expiresAt)}まで）`}
            en={`Expiring first: ${soonest.coupon.title} (until ${formatDate(soonest.grant.expiresAt)})`}
          />
        </p>
      ) : null}
      <Link href="/coupons" className="btn">
        <Bi ja="クーポンを見る" en="See coupons" inline />
      </Link>
    </section>
  );
}
