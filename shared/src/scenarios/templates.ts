import type { ScenarioInput, StepAction } from "./scenario.schema.ts";

/**
 * Scenarios shipped ready to adapt, from the project's seeds: nurture new friends (day 5 how-to, day 7
 * reviews, day 10 a time-limited coupon) and win back cancellations (day 1 thanks and how to restart,
 * day 30 a 24-hour comeback offer, timed by the stated reason). Created as drafts: operators read and
 * edit the wording, pick the coupon, then activate. Customer-facing text: Japanese first, English second.
 */
export interface ScenarioTemplate {
  id: string;
  name: string;
  nameEn: string;
  description: string;
  /** Whether it gets better with a coupon chosen (`couponId`). */
  usesCoupon: boolean;
  build(options: { couponId?: string | undefined }): ScenarioInput;
}

const QUIET = { start: "21:00", end: "09:00" };

function text(value: string) {
  return { type: "text" as const, text: value };
}

function couponActions(couponId: string | undefined, message: string): StepAction[] {
  if (!couponId) return [{ type: "message", messages: [text(message)] }];
  return [
    { type: "grantCoupon", couponId },
    { type: "message", messages: [text(message), { type: "coupon", couponId }] },
  ];
}

const nurture: ScenarioTemplate = {
  id: "new-friend-nurture",
  name: "新しい友だちの育成",
  nameEn: "New-friend nurturing",
  description: "友だち追加から5日目に使い方、7日目にお客様の声、10日目に期間限定クーポン。購入したら終了。",
  usesCoupon: true,
  build: ({ couponId }) => ({
    name: "新しい友だちの育成 / New-friend nurturing",
    description: "Day 5 how-to, day 7 reviews, day 10 a time-limited coupon; ends on purchase.",
    trigger: { type: "follow" },
    exitOn: { tags: ["購入済み"], unfollow: true, purchase: true },
    quietHours: QUIET,
    allowReentry: false,
    steps: [
      {
        id: "day5-howto",
        name: "5日目 使い方",
        delay: { type: "dayAt", day: 5, time: "10:00" },
        condition: null,
        actions: [
          {
            type: "message",
            messages: [
              text(
                "{name}さん、こんにちは！\n当店の上手な使い方をご紹介します。メニューの「会員証」を店頭で見せるとポイントが貯まります。\n\nHello {name}! A quick how-to: show the member card from the menu at the counter to collect points.",
              ),
            ],
          },
        ],
      },
      {
        id: "day7-reviews",
        name: "7日目 お客様の声",
        delay: { type: "dayAt", day: 7, time: "10:00" },
        condition: null,
        actions: [
          {
            type: "message",
            messages: [
              text(
                "お客様の声をご紹介します。「スタッフの方が丁寧で、また来たくなりました」（30代・女性）\n\nWhat our customers say: “The staff were so kind, I can't wait to come back.”",
              ),
            ],
          },
        ],
      },
      {
        id: "day10-coupon",
        name: "10日目 期間限定クーポン",
        delay: { type: "dayAt", day: 10, time: "10:00" },
        condition: { tag: "購入済み", is: "absent", otherwise: { type: "stop" } },
        actions: couponActions(
          couponId,
          "{name}さんへ、期間限定のクーポンをお届けします。ぜひご来店ください！\n\nA time-limited coupon for you, {name}. We hope to see you soon!",
        ),
      },
    ],
  }),
};

const winBack: ScenarioTemplate = {
  id: "cancellation-win-back",
  name: "解約後のフォロー",
  nameEn: "After cancellation",
  description:
    "解約の翌日にお礼と再開方法、30日目に24時間限定のカムバック特典。理由が「価格」なら14日目にお得なプランを案内、「引っ越し」なら特典は送りません。",
  usesCoupon: true,
  build: ({ couponId }) => ({
    name: "解約後のフォロー / After cancellation",
    description: "Day 1 thanks and how to restart; day 14 a cheaper plan if the reason was price; day 30 a 24-hour comeback offer.",
    trigger: { type: "cancellation" },
    exitOn: { tags: ["再開"], unfollow: true, purchase: true },
    quietHours: QUIET,
    allowReentry: true,
    steps: [
      {
        id: "day1-thanks",
        name: "翌日 お礼と再開方法",
        delay: { type: "dayAt", day: 1, time: "10:00" },
        condition: null,
        actions: [
          {
            type: "message",
            messages: [
              text(
                "{name}さん、これまでのご利用ありがとうございました。\nまたいつでも再開できます。会員証の画面から「再開する」を選ぶだけです。\n\nThank you for being with us, {name}. You can restart any time from your member card.",
              ),
            ],
          },
        ],
      },
      {
        id: "day14-price",
        name: "14日目 価格が理由の方へ",
        delay: { type: "dayAt", day: 14, time: "10:00" },
        condition: { tag: "解約理由:価格", is: "present", otherwise: { type: "skip" } },
        actions: [
          {
            type: "message",
            messages: [
              text(
                "お手頃なライトプランができました。月々の負担を抑えて再開できます。\n\nWe now have a lighter, cheaper plan if you'd like to come back.",
              ),
            ],
          },
        ],
      },
      {
        id: "day30-comeback",
        name: "30日目 24時間限定カムバック特典",
        delay: { type: "dayAt", day: 30, time: "10:00" },
        condition: { tag: "解約理由:引っ越し", is: "absent", otherwise: { type: "stop" } },
        actions: couponActions(
          couponId,
          "【24時間限定】{name}さんだけのカムバック特典です。明日の10時まで有効です。\n\n24 hours only: a comeback offer just for you, valid until 10:00 tomorrow.",
        ),
      },
    ],
  }),
};

export const SCENARIO_TEMPLATES: readonly ScenarioTemplate[] = [nurture, winBack];

export function findScenarioTemplate(id: string): ScenarioTemplate | undefined {
  return SCENARIO_TEMPLATES.find((t) => t.id === id);
}
