import { QueryStates } from "../../components/states.tsx";
import { useMe } from "../../features/me/api/get-me.ts";
import { FriendshipCard } from "../../features/me/components/friendship-card.tsx";
import { GreetingCard } from "../../features/me/components/greeting-card.tsx";
import { CardLink } from "../../features/member-card/components/card-link.tsx";

/**
 * The customer's home inside LINE: who they are (verified by the server) and whether they follow the
 * account. It is part of the first load, so it stays small; customer features (member card, coupons,
 * surveys, account link) are added here as sections of this page, each from its own feature folder.
 */
export function CustomerHomeRoute() {
  const me = useMe();
  return (
    <div className="page">
      <title>マイページ / My page | Enishi</title>
      <QueryStates query={me}>
        {(data) => (
          <>
            <GreetingCard me={data} />
            <CardLink />
            <FriendshipCard me={data} />
          </>
        )}
      </QueryStates>
    </div>
  );
}
