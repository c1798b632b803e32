import { Link } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { useLinkStatus } from "../api/link-status.ts";

/**
 * The customer home's link prompt: the ID-link rate decides how useful the shop's CRM is, so a customer
 * who has not joined their membership is asked here; a linked one sees their member number.
 */
export function LinkHomeCard() {
  const status = useLinkStatus();
  if (!status.data) return null;
  if (status.data.linked && status.data.member) {
    return (
      <p className="friendship" data-testid="home-link" data-linked="true">
        <span className="badge badge--green">
          <Bi ja={`会員連携済み（${status.data.member.memberNumber}）`} en="Membership linked" inline />
        </span>
      </p>
    );
  }
  return (
    <section className="card" aria-labelledby="link-home-title" data-testid="home-link" data-linked="false">
      <h2 id="link-home-title" className="card__title">
        <Bi ja="お店の会員情報と連携" en="Link your shop membership" />
      </h2>
      <p>
        <Bi
          ja="お店の会員番号をお持ちの方は、LINEと連携するとポイントや特典がひとつにまとまります。"
          en="Have a member number from the shop? Link it to LINE to keep your points and perks in one place."
        />
      </p>
      <Link href="/account-link" className="btn">
        <Bi ja="連携する" en="Link" inline />
      </Link>
    </section>
  );
}
