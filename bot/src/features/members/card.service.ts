import type { MemberRow } from "@enishi/db";
import { findRanks } from "@enishi/db";
import { CARD_CODE_WINDOW_MS, signCardCode } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { pointHistory, pointSummary } from "../points/summary.service.ts";
import { rankFor } from "../ranks/ranks.service.ts";
import { ensureMembership } from "./members.service.ts";

/** The card asks for a new code this often while it is open: well inside a code's ±1 window life. */
export const CODE_REFRESH_MS = 10_000;

export function cardSecret(deps: Deps): string {
  const secret = deps.env.CARD_CODE_SECRET;
  if (!secret || secret.length < 16) {
    // A deploy without the secret must fail loudly, never sign with something guessable.
    throw new AppError(500, "internal", "CARD_CODE_SECRET is not set (wrangler secret put CARD_CODE_SECRET) / 会員証の設定が未完了です");
  }
  return secret;
}

export interface CardCodeView {
  value: string;
  expiresAt: number;
  /** When the card should fetch the next code. */
  refreshAt: number;
}

export async function issueCardCode(deps: Deps, member: MemberRow, now = Date.now()): Promise<CardCodeView> {
  const issued = await signCardCode(cardSecret(deps), { memberNumber: member.member_number, now });
  return {
    value: issued.code,
    expiresAt: issued.expiresAt,
    refreshAt: Math.min(now + CODE_REFRESH_MS, issued.expiresAt - CARD_CODE_WINDOW_MS),
  };
}

function rankView(rank: { id: string; name: string; name_en: string; color: string; multiplier_pct: number; min_points: number }) {
  return {
    id: rank.id,
    name: rank.name,
    nameEn: rank.name_en,
    color: rank.color,
    multiplierPct: rank.multiplier_pct,
    minPoints: rank.min_points,
  };
}

/** Everything the member card shows, in one answer so the card can appear after a single request. */
export async function getCard(deps: Deps, user: { userId: string; name: string | null }) {
  const member = await ensureMembership(deps, user);
  const now = Date.now();
  const [summary, history, ranks, code] = await Promise.all([
    pointSummary(deps, member.id, now),
    pointHistory(deps, member.id, 10),
    findRanks(deps.db),
    issueCardCode(deps, member, now),
  ]);
  const rank = ranks.find((r) => r.id === member.rank_id) ?? rankFor(ranks, summary.earned) ?? null;
  const next = ranks.find((r) => r.min_points > (rank?.min_points ?? -1)) ?? null;
  return {
    member: { memberNumber: member.member_number, name: member.name, origin: member.origin, since: member.created_at },
    rank: rank ? rankView(rank) : null,
    nextRank: next ? { ...rankView(next), pointsNeeded: Math.max(0, next.min_points - summary.earned) } : null,
    points: summary,
    history,
    code,
  };
}

/** A fresh code plus what tells the open card that it changed (a scan added points, the rank moved). */
export async function getCardCode(deps: Deps, user: { userId: string; name: string | null }) {
  const member = await ensureMembership(deps, user);
  const [code, summary] = await Promise.all([issueCardCode(deps, member), pointSummary(deps, member.id)]);
  return { code, balance: summary.balance, rankId: member.rank_id };
}
