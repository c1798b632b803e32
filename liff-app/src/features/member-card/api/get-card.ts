import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

const getCard = () => client.api.card.$get();
const getCode = () => client.api.card.code.$get();
export type Card = OkBody<Awaited<ReturnType<typeof getCard>>>;
export type CardCode = OkBody<Awaited<ReturnType<typeof getCode>>>;

let early: Promise<Card> | undefined;

/**
 * Starts GET /api/card at boot when the app opens on the card: the request leaves the moment LIFF has an
 * ID token, beside /api/me, instead of after the first render of the page. The query takes it over once.
 */
export function prefetchCard(): void {
  early ??= readJson(getCard());
  early.catch(() => {});
}

/** GET /api/card — the whole card (made on first open) with a first code, in one request. */
export const cardQueryOptions = queryOptions({
  queryKey: ["card"],
  queryFn: () => {
    const started = early;
    early = undefined;
    return started ?? readJson(getCard());
  },
  staleTime: 5_000,
});

export function useCard() {
  return useQuery(cardQueryOptions);
}

/**
 * GET /api/card/code, again and again while the card is on screen (never in the background): a new signed
 * code at the time the server named, so a screenshot is useless within a minute. Each answer also carries
 * the balance and rank: when they moved (a clerk just scanned and awarded points), the card reloads.
 */
export function useRotatingCode(card: Card | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["card", "code"],
    queryFn: () => readJson(getCode()),
    enabled: card !== undefined,
    initialData: card ? { code: card.code, balance: card.points.balance, rankId: card.rank?.id ?? null } : undefined,
    initialDataUpdatedAt: Date.now(),
    // Fresh until the server said to renew it: no second request the moment the card appears.
    staleTime: (q) => Math.max(0, (q.state.data?.code.refreshAt ?? 0) - Date.now()),
    refetchOnMount: false,
    refetchInterval: (q) => Math.max(1_000, (q.state.data?.code.refreshAt ?? Date.now() + 10_000) - Date.now()),
    refetchIntervalInBackground: false,
    retry: 1,
  });
  const latest = query.data;
  useEffect(() => {
    if (!card || !latest) return;
    if (latest.balance !== card.points.balance || latest.rankId !== (card.rank?.id ?? null)) {
      void queryClient.invalidateQueries({ queryKey: cardQueryOptions.queryKey, exact: true });
    }
  }, [card, latest, queryClient]);
  return query;
}
