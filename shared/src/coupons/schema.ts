import { z } from "zod";

/** Discounts: yen off (up to ¥1,000,000) or percent off (1–100). */
export const CouponDiscountSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("yen"),
    value: z.int("Whole yen / 円は整数で").min(1, "At least ¥1 / 1円以上").max(1_000_000, "Up to ¥1,000,000 / 100万円まで"),
  }),
  z.object({
    kind: z.literal("percent"),
    value: z.int("Whole percent / 整数で").min(1, "At least 1% / 1%以上").max(100, "Up to 100% / 100%まで"),
  }),
]);
export type CouponDiscount = z.infer<typeof CouponDiscountSchema>;

export const CouponAudienceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("everyone") }),
  z.object({ kind: z.literal("tag"), tagId: z.string().min(1, "Choose a tag / タグを選んでください") }),
  /** A saved segment (shared/src/segments), evaluated when the friend claims and when the coupon is sent. */
  z.object({ kind: z.literal("segment"), segmentId: z.string().min(1, "Choose a segment / セグメントを選んでください") }),
]);
export type CouponAudience = z.infer<typeof CouponAudienceSchema>;

export const CouponLotterySchema = z.object({
  /** Chance to win in percent, to 0.01 %. */
  winRatePercent: z.number().min(0, "0–100%").max(100, "0–100%"),
  maxWinners: z.int().min(1, "At least 1 winner / 1名以上").nullable(),
});
export type CouponLottery = z.infer<typeof CouponLotterySchema>;

export const CouponStatusSchema = z.enum(["draft", "active", "archived"]);
export type CouponStatus = z.infer<typeof CouponStatusSchema>;

/** What an operator sends to create or replace a coupon. */
export const CouponInputSchema = z
  .object({
    title: z.string().trim().min(1, "Title is required / タイトルを入力してください").max(80, "Up to 80 characters / 80文字まで"),
    imageUrl: z
      .url({ protocol: /^https?$/, error: "An http(s) URL / http(s) の URL を入力してください" })
      .max(1000)
      .nullable(),
    terms: z.string().trim().max(2000, "Up to 2,000 characters / 2,000文字まで"),
    discount: CouponDiscountSchema,
    startsAt: z.int().min(0),
    endsAt: z.int().min(0),
    validDays: z.int().min(1, "At least 1 day / 1日以上").max(3650).nullable(),
    audience: CouponAudienceSchema,
    perUserLimit: z.int().min(1, "At least 1 / 1以上").max(100, "Up to 100 / 100まで"),
    totalLimit: z.int().min(1, "At least 1 / 1以上").max(10_000_000).nullable(),
    lottery: CouponLotterySchema.nullable(),
    redeemTag: z.string().trim().min(1).max(40, "Up to 40 characters / 40文字まで").nullable(),
    status: CouponStatusSchema,
  })
  .refine((c) => c.endsAt > c.startsAt, { path: ["endsAt"], message: "The end must be after the start / 終了は開始より後にしてください" });
export type CouponInput = z.infer<typeof CouponInputSchema>;

/** A coupon as customers see it. */
export const CouponViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  imageUrl: z.string().nullable(),
  terms: z.string(),
  discount: CouponDiscountSchema,
  startsAt: z.number(),
  endsAt: z.number(),
  perUserLimit: z.number(),
  lottery: z.boolean(),
});
export type CouponView = z.infer<typeof CouponViewSchema>;

export const RedeemChannelSchema = z.enum(["counter", "use-now", "online"]);
export type RedeemChannel = z.infer<typeof RedeemChannelSchema>;

export const GrantViewSchema = z.object({
  id: z.string(),
  couponId: z.string(),
  code: z.string(),
  grantedAt: z.number(),
  expiresAt: z.number(),
  redeemedAt: z.number().nullable(),
  channel: RedeemChannelSchema.nullable(),
});
export type GrantView = z.infer<typeof GrantViewSchema>;

/**
 * Why a claim was refused. `lottery_lost` is final for that friend; `sold_out` is the total limit;
 * `limit_reached` the friend's own.
 */
export const ClaimRefusalSchema = z.enum(["not_available", "not_in_audience", "limit_reached", "sold_out", "lottery_lost"]);
export type ClaimRefusal = z.infer<typeof ClaimRefusalSchema>;

/** Why a redemption was refused (409 `details.reason`, or 404 for `unknown_code`). */
export const RedeemRefusalSchema = z.enum(["already_redeemed", "expired", "not_started", "withdrawn", "not_yours", "unknown_code"]);
export type RedeemRefusal = z.infer<typeof RedeemRefusalSchema>;

/** Staff (scanner, typed code, online order desk) redeem a copy. */
export const StaffRedeemInputSchema = z
  .object({
    code: z.string().trim().min(1).max(60).optional(),
    grantId: z.string().min(1).max(60).optional(),
    storeId: z.string().min(1).max(60).nullable().default(null),
    channel: z.enum(["counter", "online"]).default("counter"),
  })
  .refine((v) => (v.code === undefined) !== (v.grantId === undefined), {
    message: "Send either code or grantId / code か grantId のどちらか一方を送ってください",
    path: ["code"],
  });
export type StaffRedeemInput = z.infer<typeof StaffRedeemInputSchema>;

/** POST /api/admin/coupons/:id/send — to everyone in the coupon's audience, or to one friend. */
export const CouponSendInputSchema = z.discriminatedUnion("to", [
  /** `clientKey` makes a double-clicked or retried send one send. */
  z.object({ to: z.literal("audience"), clientKey: z.uuid("clientKey must be a UUID") }),
  z.object({
    to: z.literal("user"),
    userId: z.string().regex(/^U[0-9a-f]{32}$/, "LINE user ID: U + 32 hex digits"),
    clientKey: z.uuid("clientKey must be a UUID"),
  }),
]);
export type CouponSendInput = z.infer<typeof CouponSendInputSchema>;

/** One entry of the customer's coupon list. `claimable`: offered to them, not taken yet. */
export type MyCouponState = "claimable" | "available" | "used" | "expired";
export interface MyCouponItem {
  coupon: CouponView;
  grant: GrantView | null;
  state: MyCouponState;
}

/** GET /api/coupons */
export interface MyCoupons {
  available: MyCouponItem[];
  used: MyCouponItem[];
  expired: MyCouponItem[];
}

/** GET /api/coupons/:couponId — the coupon, the friend's copies, and whether they can take (another) one. */
export interface MyCouponDetail {
  coupon: CouponView;
  grants: (GrantView & { state: "available" | "used" | "expired" })[];
  claim: { possible: boolean; refusal: ClaimRefusal | null };
  draw: "won" | "lost" | null;
}
