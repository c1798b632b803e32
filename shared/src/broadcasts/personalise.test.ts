import { describe, expect, it } from "vitest";
import type { BroadcastMessage } from "./broadcast.schema.ts";
import { estimateBroadcast } from "./estimate.ts";
import { isPersonalised, personaliseMessages } from "./personalise.ts";

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
