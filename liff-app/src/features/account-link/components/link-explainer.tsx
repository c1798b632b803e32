import { Bi } from "../../../components/bilingual.tsx";

/** What linking does, what the shop sees, and how to undo it — told before anyone types a number. */
export function LinkExplainer() {
  return (
    <section className="card" aria-labelledby="link-what-title">
      <h2 id="link-what-title" className="card__title">
        <Bi ja="会員連携とは" en="What linking does" />
      </h2>
      <ul className="link-points">
        <li>
          <Bi
            ja="お店の会員情報（会員番号）とこの LINE アカウントをつなぎます。会員証にお店のポイントとランクが表示されます。"
            en="Joins your shop membership (member number) to this LINE account: your card shows your shop points and rank."
          />
        </li>
        <li>
          <Bi
            ja="LINE だけで貯めたポイントは、連携した会員情報にまとめられます。"
            en="Points collected on the LINE-only card are added to the linked membership."
          />
        </li>
        <li>
          <Bi
            ja="お店はこの LINE アカウントに、会員情報に合わせたお知らせやクーポンを送れるようになります。"
            en="The shop can then send this LINE account news and coupons that fit your membership."
          />
        </li>
        <li>
          <Bi
            ja="連携はこの画面からいつでも解除できます。解除しても会員情報とポイントはお店に残ります。"
            en="You can unlink here at any time. Your membership and its points stay with the shop."
          />
        </li>
      </ul>
    </section>
  );
}
