import { describe, expect, it } from "vitest";
import type { BroadcastMessage } from "./broadcast.schema.ts";
import { estimateBroadcast } from "./estimate.ts";
import { isLinkCode, isPersonalised, listLinkCodes, personaliseMessages } from "./personalise.ts";

describe("personalisation", () => {
  const flex: BroadcastMessage = {
    type: "flex",
    altText: "{name}さんへ",
    contents: { type: "bubble", body: { type: "box", layout: "vertical", contents: [{ type: "text", text: "{rank}会員 {points}pt" }] } },
  };

  it("fills name, rank and points in texts, alt texts and Flex strings", () => {
    const [text, card] = personaliseMessages([{ type: "text", text: "{name}さん {points}pt" }, flex], {
      name: "花子",
      rank: "ゴールド",
      points: "120",
    });
    expect(text).toEqual({ type: "text", text: "花子さん 120pt" });
    expect(JSON.stringify(card)).toContain("ゴールド会員 120pt");
    expect(JSON.stringify(card)).toContain("花子さんへ");
  });

  it("uses a polite fallback when the friend has no name", () => {
    expect(personaliseMessages([{ type: "text", text: "{name}様" }], { name: "", rank: "", points: "" })).toEqual([
      { type: "text", text: "お客様様" },
    ]);
  });

  it("tells personalised broadcasts from plain ones", () => {
    expect(isPersonalised([{ type: "text", text: "セールのお知らせ {sale}" }])).toBe(false);
    expect(isPersonalised([flex])).toBe(true);
  });
});

describe("tracked link placeholders", () => {
  const values = { name: "花子", rank: "", points: "" };
  const links = new Map([
    ["spring26", "https://app.example/r/spring26?u=Uaaa.sig1"],
    ["menu_2", "https://app.example/r/menu_2?u=Uaaa.sig2"],
  ]);
  const card: BroadcastMessage = {
    type: "flex",
    altText: "{name}さん、新作はこちら {link:spring26}",
    contents: {
      type: "bubble",
      body: { type: "box", layout: "vertical", contents: [{ type: "text", text: "メニュー: {link:menu_2}" }] },
      footer: {
        type: "box",
        layout: "vertical",
        contents: [{ type: "button", action: { type: "uri", label: "見る", uri: "{link:spring26}" } }],
      },
    },
  };

  it("fills each {link:CODE} with the recipient's URL in texts, alt texts, Flex strings and URI actions", () => {
    const [text, flex] = personaliseMessages([{ type: "text", text: "{name}さん 👉 {link:spring26} / {link:menu_2}" }, card], {
      ...values,
      links,
    });
    expect(text).toEqual({
      type: "text",
      text: "花子さん 👉 https://app.example/r/spring26?u=Uaaa.sig1 / https://app.example/r/menu_2?u=Uaaa.sig2",
    });
    expect(flex).toMatchObject({
      altText: "花子さん、新作はこちら https://app.example/r/spring26?u=Uaaa.sig1",
      contents: {
        body: { contents: [{ text: "メニュー: https://app.example/r/menu_2?u=Uaaa.sig2" }] },
        footer: { contents: [{ action: { type: "uri", uri: "https://app.example/r/spring26?u=Uaaa.sig1" } }] },
      },
    });
  });

  it("leaves a link the caller gave no URL for as written, and never re-reads filled values", () => {
    const [text] = personaliseMessages([{ type: "text", text: "{link:other} {name}" }], { ...values, name: "{link:spring26}", links });
    expect(text).toEqual({ type: "text", text: "{link:other} {link:spring26}" });
  });

  it("lists the codes a message list uses, once each, malformed ones included", () => {
    expect(listLinkCodes([{ type: "text", text: "{link:menu_2} {link:spring26} {link:menu_2}" }, card])).toEqual(["menu_2", "spring26"]);
    expect(listLinkCodes([{ type: "text", text: "{link:a/b} {link:}" }])).toEqual(["a/b", ""]);
    expect(
      listLinkCodes([
        { type: "text", text: "{name} link:spring26 {link spring26}" },
        { type: "coupon", couponId: "c1" },
      ]),
    ).toEqual([]);
    expect(["spring26", "menu_2", "a/b", "", "ab"].map(isLinkCode)).toEqual([true, true, false, false, false]);
  });

  it("makes a message personalised when it carries a tracked link, even in a Flex URI only", () => {
    expect(isPersonalised([{ type: "text", text: "詳しくは {link:spring26}" }])).toBe(true);
    const uriOnly: BroadcastMessage = {
      type: "flex",
      altText: "新作",
      contents: {
        type: "bubble",
        body: { type: "box", layout: "vertical", contents: [{ type: "button", action: { type: "uri", uri: "{link:spring26}" } }] },
      },
    };
    expect(isPersonalised([uriOnly])).toBe(true);
    expect(isPersonalised([{ type: "text", text: "https://app.example/r/spring26" }])).toBe(false);
  });
});

describe("broadcast estimate", () => {
  it("counts ⌈N/500⌉ multicasts, or a push per recipient when personalised", () => {
    expect(estimateBroadcast(1_000_000, false, null).requests).toBe(2000);
    expect(estimateBroadcast(1001, false, null).requests).toBe(3);
    expect(estimateBroadcast(1001, true, null).requests).toBe(1001);
  });

  it("shows what goes beyond the quota left and its cost at most", () => {
    const estimate = estimateBroadcast(35_000, false, { type: "limited", limit: 30_000, used: 1_000 });
    expect(estimate.quota?.left).toBe(29_000);
    expect(estimate.overQuota).toBe(6_000);
    expect(estimate.additionalCostYen).toBe(18_000);
    expect(estimateBroadcast(35_000, false, { type: "none", limit: null, used: 10 }).overQuota).toBe(0);
  });
});
