import { describe, expect, it } from "vitest";
import { classifyMessage } from "./intent.ts";

const kind = (message: string) => classifyMessage(message).kind;

describe("classifyMessage", () => {
  it("recognises greetings, thanks and acknowledgements as small talk", () => {
    for (const m of [
      "こんにちは",
      "おはようございます！",
      "ありがとうございました😊",
      "了解です👍",
      "はーい",
      "またよろしくお願いします〜",
    ])
      expect(kind(m), m).toBe("smalltalk");
  });

  it("treats thanks with a remark but no question as small talk", () => {
    expect(kind("今日のカットすごく良かったです、ありがとう！")).toBe("smalltalk");
  });

  it("keeps a question that comes with pleasantries, and strips them for matching", () => {
    const intent = classifyMessage("お世話になっております。先日はありがとうございました。駐車場はありますか？");
    expect(intent.kind).toBe("question");
    expect(intent.core).toBe("駐車場はありますか");
  });

  it("does not take 「はい」 inside a word for a reply", () => {
    expect(kind("はいれますか")).toBe("question");
  });

  it("recognises explicit requests for a person", () => {
    for (const m of [
      "人と話したい",
      "オペレーターお願いします",
      "スタッフに相談",
      "担当者に代わってください",
      "ボットじゃなくて人間と話したい",
    ])
      expect(kind(m), m).toBe("human");
  });

  it("does not read a mention of staff in a question as a request for a person", () => {
    expect(kind("スタッフに見せればいいですか？")).toBe("question");
  });

  it("hands complaints over rather than answering them", () => {
    expect(kind("予約の時間に行ったのに30分も待たされました")).toBe("negative");
    expect(kind("対応が最悪でした")).toBe("negative");
  });

  it("recognises messages about the customer's own booking", () => {
    expect(kind("明日14時に予約している佐藤です。少し遅れます")).toBe("personal");
    expect(kind("予約番号R-58213の件で確認したいことがあります")).toBe("personal");
    expect(kind("明日の予約ですが、時間を変えられますか？")).toBe("question");
  });
});
