import { QueryStates } from "../../components/states.tsx";
import { LinkHomeCard } from "../../features/account-link/components/link-home-card.tsx";
import { CouponsHomeCard } from "../../features/coupons/components/coupons-home-card.tsx";
import { useMe } from "../../features/me/api/get-me.ts";
import { FriendshipCard } from "../../features/me/components/friendship-card.tsx";
import { GreetingCard } from "../../features/me/components/greeting-card.tsx";
import { CardLink } from "../../features/member-card/components/card-link.tsx";
import { SurveysHomeCard } from "../../features/surveys/components/surveys-home-card.tsx";

/**
 * The customer's home inside LINE: who they are (verified by the server), the way to the member card,
 * a summary of their coupons, a survey waiting for them, the membership link — each section from its own
 * feature folder. It is part of the first load, so each stays small. A customer who does not follow the
 * account yet is asked to first (the friend-only sections would have nothing to show).
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
            {data.friend ? (
              <>
                <CouponsHomeCard />
                <SurveysHomeCard />
                <LinkHomeCard />
              </>
            ) : null}
            <FriendshipCard me={data} />
          </>
        )}
      </QueryStates>
    </div>
  );
}
