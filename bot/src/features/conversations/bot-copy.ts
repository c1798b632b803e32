import type { Config } from "../../config.ts";
import type { LineMessage } from "../../line/send.ts";

/** Customer-facing texts: Japanese first, English second. */
export const copy = {
  welcome: (name: string | null) =>
    `${name ? `${name}さん、` : ""}友だち追加ありがとうございます！\nメニューから会員証やクーポンをご利用いただけます。ご質問はこのトークにどうぞ。\n\nThanks for adding us as a friend! Use the menu for your member card and coupons, or ask us anything here.`,
  nonText: "スタンプ・画像ありがとうございます！ご用件はテキストでお送りください。\n\nThanks! Please send your question as text.",
  openCard: "会員証はこちらから表示できます。\nOpen your member card here:",
} as const;

/** Link into the LIFF app: liff.line.me in production, the local app when running the demo. */
export function liffUrl(config: Config, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (config.liffId) return `https://liff.line.me/${config.liffId}${clean === "/" ? "" : clean}`;
  return `${config.appBaseUrl}${clean}`;
}

export function text(value: string): LineMessage {
  return { type: "text", text: value };
}

export function linkButton(altText: string, label: string, uri: string): LineMessage {
  return {
    type: "template",
    altText,
    template: { type: "buttons", text: altText.slice(0, 160), actions: [{ type: "uri", label, uri }] },
  };
}
