/** How chat states, handover reasons and waiting times read in the console (Japanese, then English). */

export const STATE_LABELS: Record<string, [ja: string, en: string]> = {
  bot: ["ボット対応", "Bot"],
  waiting: ["対応待ち", "Waiting"],
  staff: ["スタッフ対応中", "With staff"],
};

export const REASON_LABELS: Record<string, [ja: string, en: string]> = {
  requested: ["お客様がスタッフを希望", "Asked for staff"],
  unhelpful: ["ボットで解決せず", "Bot did not help"],
  negative: ["ご不満・苦情", "Complaint"],
  "out-of-scope": ["FAQ にない質問", "Not in the FAQ"],
  staff: ["スタッフが対応開始", "Taken by staff"],
};

export const EVENT_LABELS: Record<string, [ja: string, en: string]> = {
  handover: ["スタッフに引き継ぎ", "Handed to staff"],
  take: ["対応開始", "Taken"],
  assign: ["担当を割り当て", "Assigned"],
  resolve: ["対応完了（ボットに戻す）", "Resolved (back to bot)"],
  release: ["一定時間操作がなくボットに戻りました", "Back to bot after idle hours"],
};

/** "12分" / "3時間" / "2日": how long a customer has waited. */
export function waitingFor(since: number, now: number): { ja: string; en: string } {
  const minutes = Math.max(0, Math.floor((now - since) / 60_000));
  if (minutes < 60) return { ja: `${minutes}分`, en: `${minutes} min` };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { ja: `${hours}時間`, en: `${hours} h` };
  const days = Math.floor(hours / 24);
  return { ja: `${days}日`, en: `${days} d` };
}
