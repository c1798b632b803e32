import type { RankRow } from "@enishi/db";
import { findFriend, findRanks } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import type { LineMessage } from "../../line/send.ts";
import { sendToUser } from "../../line/send.ts";
import { liffUrl } from "../conversations/bot-copy.ts";

/** The rank-up message: a small Flex card in the rank's colour with a button to the member card. */
export function rankUpMessage(rank: Pick<RankRow, "name" | "name_en" | "color" | "multiplier_pct">, cardUrl: string): LineMessage {
  const bonus =
    rank.multiplier_pct > 100
      ? `お買い物ポイントが${rank.multiplier_pct / 100}倍になります。`
      : "これからもご愛顧をよろしくお願いいたします。";
  const bonusEn = rank.multiplier_pct > 100 ? `You now earn ×${rank.multiplier_pct / 100} points.` : "Thank you for shopping with us.";
  return {
    type: "flex",
    altText: `ランクアップ：${rank.name}会員になりました / You are now a ${rank.name_en} member`,
    contents: {
      type: "bubble",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "md",
        contents: [
          { type: "text", text: "ランクアップ / Rank up", size: "sm", weight: "bold", color: rank.color },
          { type: "text", text: `${rank.name}会員になりました`, size: "xl", weight: "bold", wrap: true },
          { type: "text", text: bonus, size: "sm", wrap: true },
          { type: "text", text: `You are now a ${rank.name_en} member. ${bonusEn}`, size: "xs", color: "#888888", wrap: true },
        ],
      },
      footer: {
        type: "box",
        layout: "vertical",
        contents: [{ type: "button", style: "primary", color: "#06c755", action: { type: "uri", label: "会員証を見る", uri: cardUrl } }],
      },
    },
  };
}

/**
 * The queued rank-up message (push: there is no reply token). The key names the rank change, so a queue
 * retry sends it once; a friend who blocked the account meanwhile gets nothing.
 */
export async function sendRankUp(deps: Deps, job: { userId: string; rankId: string; key: string }): Promise<void> {
  const friend = await findFriend(deps.db, job.userId);
  if (friend?.status !== "following") return;
  const rank = (await findRanks(deps.db)).find((r) => r.id === job.rankId);
  if (!rank) return;
  await sendToUser(deps.db, deps.line, {
    to: job.userId,
    messages: [rankUpMessage(rank, liffUrl(deps.config, "/card"))],
    sender: "system",
    key: job.key,
  });
}
