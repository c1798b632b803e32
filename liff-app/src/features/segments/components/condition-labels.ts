import type { SegmentCondition, SegmentConditionKind, TimeRange } from "@enishi/shared/segments/index";

/** The condition kinds an operator picks from, Japanese first, with the condition each starts as. */
export const CONDITION_KINDS: { kind: SegmentConditionKind; ja: string; en: string; initial: SegmentCondition }[] = [
  { kind: "tags", ja: "タグ", en: "Tags", initial: { kind: "tags", match: "any", tagIds: [] } },
  { kind: "lastActive", ja: "最終アクティブ", en: "Last active", initial: { kind: "lastActive", range: { op: "withinDays", days: 30 } } },
  { kind: "followed", ja: "友だち追加日", en: "Followed", initial: { kind: "followed", range: { op: "withinDays", days: 30 } } },
  { kind: "linked", ja: "会員連携", en: "Linked membership", initial: { kind: "linked", linked: true } },
  { kind: "rank", ja: "ランク", en: "Rank", initial: { kind: "rank", rankIds: [] } },
  { kind: "store", ja: "店舗", en: "Store", initial: { kind: "store", storeIds: [] } },
  {
    kind: "lastPurchase",
    ja: "最終購入（R）",
    en: "Last purchase (R)",
    initial: { kind: "lastPurchase", range: { op: "withinDays", days: 90 } },
  },
  {
    kind: "purchaseTotal",
    ja: "購入回数・金額（F/M）",
    en: "Purchases / spend (F/M)",
    initial: { kind: "purchaseTotal", measure: "count", days: 365, min: 2 },
  },
  { kind: "couponRedeemed", ja: "クーポン利用", en: "Redeemed a coupon", initial: { kind: "couponRedeemed" } },
  { kind: "surveyAnswered", ja: "アンケート回答", en: "Answered a survey", initial: { kind: "surveyAnswered" } },
  { kind: "clickedLink", ja: "リンクのクリック", en: "Clicked a link", initial: { kind: "clickedLink" } },
  {
    kind: "attribute",
    ja: "プロフィール",
    en: "Profile attribute",
    initial: { kind: "attribute", field: "language", op: "eq", value: "ja" },
  },
];

export const RANGE_OPS: { op: TimeRange["op"]; ja: string; en: string }[] = [
  { op: "withinDays", ja: "N日以内", en: "within N days" },
  { op: "moreThanDaysAgo", ja: "N日以上前（なしを含む）", en: "more than N days ago (or never)" },
  { op: "since", ja: "この日以降", en: "since date" },
  { op: "before", ja: "この日より前（なしを含む）", en: "before date (or never)" },
];

/** Today's date in Japan, for a range switched from days to a date. */
export function todayJst(): string {
  return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
}
