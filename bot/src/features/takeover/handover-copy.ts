/**
 * What the customer is told when the chat goes to a person, and the out-of-hours notice while waiting
 * (issue 4 §5). Japanese first, English second; times in Japan time.
 */
import type { HandoverReason } from "@enishi/shared";
import type { HoursView } from "../business-hours/bot-settings.service.ts";

const OPENING: Record<HandoverReason, string> = {
  requested: "",
  staff: "",
  "out-of-scope": "申し訳ありません、そのご質問には自動ではお答えできません。\n",
  unhelpful: "お役に立てず申し訳ありません。\n",
  negative: "ご不便・ご不快をおかけし、申し訳ございません。\n",
};

const OPENING_EN: Record<HandoverReason, string> = {
  requested: "",
  staff: "",
  "out-of-scope": "Sorry, we can't answer that automatically. ",
  unhelpful: "Sorry we couldn't help. ",
  negative: "We're sorry for the trouble. ",
};

function whenJa(hours: HoursView): string {
  return hours.nextOpenJa ? `${hours.nextOpenJa}以降` : "営業再開後";
}

function whenEn(hours: HoursView): string {
  return hours.nextOpenEn ? `from ${hours.nextOpenEn} (Japan time)` : "when we reopen";
}

export function handoverText(reason: HandoverReason, hours: HoursView): string {
  const ja = hours.open
    ? "スタッフにおつなぎします。担当者より順番にご返信しますので、このままお待ちください。"
    : `スタッフにおつなぎします。ただいま営業時間外のため、${whenJa(hours)}に担当者より順番にご返信いたします。`;
  const en = hours.open
    ? "We're passing you to a member of staff, who will reply here shortly."
    : `We're passing you to a member of staff. We're closed now: expect a reply ${whenEn(hours)}.`;
  return `${OPENING[reason]}${ja}\n\n${OPENING_EN[reason]}${en}`;
}

export function hoursNoticeText(hours: HoursView): string {
  return `ただいま営業時間外です。${whenJa(hours)}に担当者よりご返信いたします。\n\nWe're closed now: a member of staff will reply ${whenEn(hours)}.`;
}
