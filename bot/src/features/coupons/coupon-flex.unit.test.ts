import type { CouponView } from "@enishi/shared";
import { describe, expect, it } from "vitest";
import { couponFlexMessage } from "./coupon-flex.ts";

const coupon: CouponView = {
  id: "cpn-1",
  title: "秋のブレンド10%オフ",
  imageUrl: "https://cdn.example.com/autumn.jpg",
  terms: "",
  discount: { kind: "percent", value: 10 },
  startsAt: Date.UTC(2026, 9, 1),
  endsAt: Date.UTC(2026, 10, 30, 15),
  perUserLimit: 1,
  lottery: false,
};

describe("coupon Flex card", () => {
  it("links to the coupon's page and says the discount and end date in Japanese and English", () => {
    const message = couponFlexMessage(coupon, "https://liff.line.me/123-abc/coupons/cpn-1");
    const json = JSON.stringify(message);
    expect(message.altText).toBe("クーポン: 秋のブレンド10%オフ (10%オフ)");
    expect(json).toContain('"uri":"https://liff.line.me/123-abc/coupons/cpn-1"');
    expect(json).toContain("10% off");
    // Ends are exclusive and shown in JST: ending 2026-12-01 00:00 in Tokyo, the last day is 11/30.
    expect(json).toContain("2026/11/30 まで");
  });

  it("shows an https image as the hero and leaves out an http one LINE would refuse", () => {
    expect(couponFlexMessage(coupon, "https://x").contents).toHaveProperty("hero.url", "https://cdn.example.com/autumn.jpg");
    const plain = couponFlexMessage({ ...coupon, imageUrl: "http://localhost/img.png" }, "https://x");
    expect(plain.contents).not.toHaveProperty("hero");
  });

  it("carries no coupon code: a forwarded card is only a link to the offer", () => {
    expect(JSON.stringify(couponFlexMessage(coupon, "https://x"))).not.toMatch(/ENISHI-COUPON|[0-9A-HJKMNP-TV-Z]{12}/);
  });
});
