import { Bi } from "../../../components/bilingual.tsx";
import { IS_MOCK } from "../../../lib/liff.ts";
import type { Me } from "../api/get-me.ts";

const ADD_FRIEND_URL = import.meta.env.VITE_LINE_ADD_FRIEND_URL;

/** Whether they follow the account; if not, why and how to add it (friend-only features need it). */
export function FriendshipCard({ me }: { me: Me }) {
  if (me.friend) {
    return (
      <p className="friendship" data-testid="friend-status" data-friend="true">
        <span className="badge badge--green">
          <Bi ja="友だち登録済み" en="You follow this account" inline />
        </span>
      </p>
    );
  }
  return (
    <section className="card notice" aria-labelledby="add-friend-title" data-testid="friend-status" data-friend="false">
      <h2 id="add-friend-title" className="card__title">
        <Bi ja="友だち追加をお願いします" en="Please add us as a friend" />
      </h2>
      <p>
        <Bi
          ja="友だち追加すると、会員証やクーポン、お知らせをトークで受け取れます。"
          en="As a friend you get your member card, coupons and news in your LINE chat."
        />
      </p>
      {ADD_FRIEND_URL ? (
        <p>
          <a className="btn btn--primary" href={ADD_FRIEND_URL}>
            <Bi ja="友だち追加" en="Add friend" inline />
          </a>
        </p>
      ) : IS_MOCK ? (
        <p className="field__hint">
          <Bi ja="チャットシミュレーターで「友だち追加」を押してください。" en="Press “Add friend” in the chat simulator." />
        </p>
      ) : (
        <p className="field__hint">
          <Bi ja="LINE でこのアカウントを検索して友だち追加してください。" en="Find this account in LINE and add it as a friend." />
        </p>
      )}
    </section>
  );
}
