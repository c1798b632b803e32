import { z } from "zod";
import { normalizeDigits } from "../account-link/account-link.schema.ts";
import { LineUserIdSchema } from "../line-ids.ts";

/** The shop system's own order id: printable ASCII, as POS and carts issue them. It is the ledger entry's key. */
export const OrderIdSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,100}$/, "orderId: 1–100 printable ASCII characters, no spaces / 注文IDは半角英数記号 1〜100 文字です");

/**
 * POST /api/shop/orders — a purchase from the shop's POS or cart (server to server, signed with
 * SHOP_API_SECRET, decision 024). The member is named by the number on their card or by their LINE user id.
 */
export const ShopOrderInputSchema = z
  .object({
    orderId: OrderIdSchema,
    memberNumber: z
      .string()
      .transform(normalizeDigits)
      .pipe(z.string().regex(/^[0-9A-Za-z]{1,20}$/, "memberNumber: up to 20 letters and digits / 会員番号は半角英数字20文字までです"))
      .optional(),
    lineUserId: LineUserIdSchema.optional(),
    amountYen: z
      .number()
      .int("amountYen: whole yen / 金額は整数（円）です")
      .min(1, "amountYen: at least 1 / 金額は1円以上です")
      .max(100_000_000, "amountYen: at most 100,000,000 / 金額が大きすぎます"),
    storeId: z.string().min(1).max(100).optional(),
    /** When the order was placed (ISO 8601 with a zone), if not now: at most 90 days ago, not in the future. */
    orderedAt: z.iso.datetime({ offset: true, message: "orderedAt: ISO 8601 with a time zone / 注文日時は ISO 8601 で" }).optional(),
  })
  .refine((o) => (o.memberNumber === undefined) !== (o.lineUserId === undefined), {
    message: "Give exactly one of memberNumber or lineUserId / memberNumber か lineUserId のどちらか一方を指定してください",
    path: ["memberNumber"],
  });
export type ShopOrderInput = z.input<typeof ShopOrderInputSchema>;

/** How far back an order may be reported (a POS catching up after being offline). */
export const ORDER_MAX_AGE_MS = 90 * 86_400_000;

/** What both order calls answer: the order's points as recorded, and the member's balance now. */
export interface ShopOrderResult {
  orderId: string;
  memberNumber: string;
  amountYen: number;
  /** Points the order earned (0 when the amount was too small to earn one: nothing is recorded then). */
  pointsAwarded: number;
  /** Points taken back by the refund, once refunded. */
  pointsRefunded: number;
  refunded: boolean;
  /** False when this call changed nothing: the order (or its refund) was recorded before. */
  created: boolean;
  balance: number;
  rank: { id: string; name: string } | null;
}
