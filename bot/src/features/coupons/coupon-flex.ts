import type { CouponView } from "@enishi/shared";
import { discountLabel } from "@enishi/shared";
import type { messagingApi } from "@line/bot-sdk";

const JST_DATE = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" });

/** The date a coupon ends, as a Japanese reader expects it (JST: the shop's time, not the server's). */
export function jstDate(ms: number): string {
  return JST_DATE.format(new Date(ms));
}

/**
 * The coupon as a Flex bubble linking to its page in the LIFF app, where the customer takes and uses it.
 * The card itself carries no code: codes belong to a copy, and copies are issued in the app.
 * altText is what the chat list and notifications show (≤ 1,500 chars; kept short).
 */
export function couponFlexMessage(coupon: CouponView, url: string): messagingApi.FlexMessage {
  const label = discountLabel(coupon.discount);
  // Ends are exclusive (a coupon ending 12/01 00:00 JST is last usable on 11/30): show the last day.
  const until = jstDate(coupon.endsAt - 1);
  const body: messagingApi.FlexComponent[] = [
    { type: "text", text: "クーポン / Coupon", size: "xs", color: "#06c755", weight: "bold" },
    { type: "text", text: coupon.title.slice(0, 80), size: "lg", weight: "bold", wrap: true },
    { type: "text", text: label.ja, size: "xxl", weight: "bold", color: "#e03c31" },
    { type: "text", text: label.en, size: "sm", color: "#888888" },
    { type: "text", text: `${until} まで / until ${until}`, size: "sm", color: "#555555", wrap: true },
  ];
  if (coupon.lottery) body.push({ type: "text", text: "抽選で当たる / Lottery", size: "sm", color: "#f5a623", weight: "bold" });
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    body: { type: "box", layout: "vertical", spacing: "sm", contents: body },
    footer: {
      type: "box",
      layout: "vertical",
      contents: [{ type: "button", style: "primary", color: "#06c755", action: { type: "uri", label: "クーポンを見る", uri: url } }],
    },
  };
  if (coupon.imageUrl?.startsWith("https://")) {
    // LINE accepts only https images; an http URL (local demo) is left out rather than rejected by LINE.
    bubble.hero = { type: "image", url: coupon.imageUrl, size: "full", aspectRatio: "20:13", aspectMode: "cover" };
  }
  return { type: "flex", altText: `クーポン: ${coupon.title} (${label.ja})`.slice(0, 400), contents: bubble };
}
