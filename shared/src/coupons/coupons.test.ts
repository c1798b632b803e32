import { describe, expect, it } from "vitest";
import { couponCodeFromBytes, couponQrPayload, formatCouponCode, normalizeCouponCode, parseCouponScan } from "./code.ts";
import { CouponInputSchema, StaffRedeemInputSchema } from "./schema.ts";
import { discountLabel, grantExpiry, grantState, rollLottery } from "./validity.ts";

const DAY = 86_400_000;

describe("coupon codes", () => {
  it("makes 12-character codes without letters people misread", () => {
    const code = couponCodeFromBytes(Uint8Array.from({ length: 12 }, (_, i) => i * 21));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it("reads a code typed in lower case, full width, with spaces or hyphens, O for 0 and I/L for 1", () => {
    expect(normalizeCouponCode("abcd-efgh-jkmn")).toBe("ABCDEFGHJKMN");
    expect(normalizeCouponCode("ＡＢＣＤ　ＥＦＧＨ　ＪＫＭＮ")).toBe("ABCDEFGHJKMN");
    expect(normalizeCouponCode("O0IL-0000-0000")).toBe("001100000000");
  });

  it("refuses text that cannot be a code", () => {
    expect(normalizeCouponCode("ABCD-EFGH")).toBeNull();
    expect(normalizeCouponCode("ABCD-EFGH-JKMU")).toBeNull();
    expect(parseCouponScan("EN1.123.abcdef")).toBeNull();
  });

  it("round-trips the QR payload the scanner reads", () => {
    expect(parseCouponScan(couponQrPayload("ABCDEFGHJKMN"))).toBe("ABCDEFGHJKMN");
    expect(formatCouponCode("ABCDEFGHJKMN")).toBe("ABCD-EFGH-JKMN");
  });
});

describe("coupon validity", () => {
  it("counts a copy as expired from the exact moment it expires", () => {
    expect(grantState({ redeemedAt: null, expiresAt: 1000 }, 999)).toBe("available");
    expect(grantState({ redeemedAt: null, expiresAt: 1000 }, 1000)).toBe("expired");
    expect(grantState({ redeemedAt: 500, expiresAt: 1000 }, 2000)).toBe("used");
  });

  it("ends a copy validDays after it was granted, but never after the coupon ends", () => {
    expect(grantExpiry({ endsAt: 10 * DAY, validDays: 3 }, DAY)).toBe(4 * DAY);
    expect(grantExpiry({ endsAt: 10 * DAY, validDays: 30 }, DAY)).toBe(10 * DAY);
    expect(grantExpiry({ endsAt: 10 * DAY, validDays: null }, DAY)).toBe(10 * DAY);
  });

  it("wins a lottery roll only below the win rate", () => {
    expect(rollLottery(2500, 0.2499)).toBe(true);
    expect(rollLottery(2500, 0.25)).toBe(false);
    expect(rollLottery(0, 0)).toBe(false);
    expect(rollLottery(10_000, 0.9999)).toBe(true);
  });

  it("labels discounts in Japanese and English", () => {
    expect(discountLabel({ kind: "yen", value: 1500 })).toEqual({ ja: "1,500円引き", en: "¥1,500 off" });
    expect(discountLabel({ kind: "percent", value: 10 })).toEqual({ ja: "10%オフ", en: "10% off" });
  });
});

describe("coupon input", () => {
  const valid = {
    title: "秋のブレンド10%オフ",
    imageUrl: null,
    terms: "",
    discount: { kind: "percent", value: 10 },
    startsAt: 0,
    endsAt: DAY,
    validDays: null,
    audience: { kind: "everyone" },
    perUserLimit: 1,
    totalLimit: null,
    lottery: null,
    redeemTag: null,
    status: "active",
  };

  it("accepts a complete coupon and refuses one that ends before it starts", () => {
    expect(CouponInputSchema.safeParse(valid).success).toBe(true);
    const backwards = CouponInputSchema.safeParse({ ...valid, endsAt: 0 });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]?.path).toEqual(["endsAt"]);
  });

  it("refuses a percent discount over 100 and a javascript: image URL", () => {
    expect(CouponInputSchema.safeParse({ ...valid, discount: { kind: "percent", value: 101 } }).success).toBe(false);
    expect(CouponInputSchema.safeParse({ ...valid, imageUrl: "javascript:alert(1)" }).success).toBe(false);
  });

  it("asks staff for exactly one of code or grant id", () => {
    expect(StaffRedeemInputSchema.safeParse({ code: "ABCD" }).success).toBe(true);
    expect(StaffRedeemInputSchema.safeParse({}).success).toBe(false);
    expect(StaffRedeemInputSchema.safeParse({ code: "A", grantId: "g" }).success).toBe(false);
  });
});
