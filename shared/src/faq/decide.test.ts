import { describe, expect, it } from "vitest";
import { buildFaqIndex } from "./build.ts";
import { decide } from "./decide.ts";
import type { FaqEntry } from "./schema.ts";

// A café, not the salon of the development set: the matcher must work on a FAQ it was not tuned on.
const entry = (id: string, question: string, answer: string, alternates: string[] = []): FaqEntry => ({ id, question, answer, alternates });
const cafe = [
  entry("hours", "営業時間を教えてください", "平日は8:00〜20:00、土日祝は9:00〜18:00の営業です。ラストオーダーは閉店30分前です。"),
  entry("parking", "駐車場はありますか？", "店舗裏に3台分の無料駐車場がございます。満車の際は近隣のコインパーキングをご利用ください。"),
  entry("reservation", "席の予約はできますか？", "お電話またはLINEのメニュー「予約」から、前日までご予約を承ります。"),
  entry("takeout", "テイクアウトはできますか？", "全メニューお持ち帰りいただけます。容器代はかかりません。"),
  entry(
    "wifi",
    "Wi-Fiは使えますか？",
    "無料Wi-Fiをご利用いただけます。パスワードはレシートに記載しています。各席にコンセントもございます。",
  ),
  entry("payment", "支払い方法を教えてください", "現金、クレジットカード、交通系IC、PayPayがご利用いただけます。"),
  entry("pets", "ペットを連れて行ってもいいですか？", "テラス席のみ、小型犬の同伴が可能です。"),
  entry("allergy", "アレルギー表示はありますか？", "全メニューに特定原材料7品目を表示しています。詳しくはスタッフにお尋ねください。"),
];
const index = buildFaqIndex(cafe);

describe("decide", () => {
  it("answers paraphrases of an entry, in other words and spellings", () => {
    for (const [message, id] of [
      ["車で行くんですが停めるところありますか", "parking"],
      ["PayPay使えますか", "payment"],
      ["何時まで開いてますか", "hours"],
      ["お持ち帰りできる？", "takeout"],
      ["ﾜｲﾌｧｲある？", "wifi"],
    ]) {
      const result = decide(index, message as string);
      expect(result, message).toMatchObject({ action: "answer", ids: [id] });
    }
  });

  it("hands over a message no entry is about", () => {
    expect(decide(index, "アルバイトの面接を受けたいのですが").action).toBe("escalate");
  });

  it("offers choices when an entry fits only partly", () => {
    const result = decide(index, "コンセントある？");
    expect(result.action).toBe("suggest");
    expect(result.ids[0]).toBe("wifi");
    expect(result.ids.length).toBeLessThanOrEqual(3);
  });

  it("answers small talk politely instead of handing it over", () => {
    expect(decide(index, "ありがとうございました！").action).toBe("smalltalk");
  });

  it("hands over at once when the customer asks for a person", () => {
    expect(decide(index, "スタッフと話したいです").action).toBe("human");
  });

  it("hands over complaints and questions about the customer's own booking even when they name an FAQ topic", () => {
    expect(decide(index, "予約したのに席がなかったんですが").action).toBe("escalate");
    expect(decide(index, "明日10時に予約している田中です。少し遅れます").action).toBe("escalate");
  });

  it("logs the candidates and the confidence behind a decision", () => {
    const { trace } = decide(index, "駐車場ある？");
    expect(trace.candidates[0]?.id).toBe("parking");
    expect(trace.confidence).toBeGreaterThan(0.9);
  });

  it("learns a phrasing staff attached to an entry", () => {
    const message = "タッパー持参で詰めてもらえますか";
    expect(decide(index, message).action).not.toBe("answer");
    const learned = buildFaqIndex(cafe, { learned: [{ id: "takeout", question: "タッパーを持参してもいいですか" }] });
    expect(decide(learned, message)).toMatchObject({ action: "answer", ids: ["takeout"] });
  });

  it("hands over a message like one staff handled without an entry", () => {
    const message = "ランチの貸し切りはできますか";
    const taught = buildFaqIndex(cafe, { outOfScope: ["ランチタイムに貸し切りってできますか？"] });
    expect(decide(taught, message).action).toBe("escalate");
  });
});
