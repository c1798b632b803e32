import { z } from "zod";

/** Failed checks allowed per friend and per member number in any rolling hour (issue 3 §5). */
export const LINK_MAX_FAILURES = 5;
export const LINK_FAILURE_WINDOW_MS = 60 * 60 * 1000;
/** The Messaging API flow's nonce lifetime; LINE's link token lives 10 minutes too. */
export const LINK_NONCE_TTL_MS = 10 * 60 * 1000;
/** The tag every linked friend carries (rich-menu policy, segments and KPIs read it). */
export const LINKED_TAG = "linked";

/** Japanese IMEs often type full-width characters (１２３, ＡＢ, ／): NFKC reads them as the ASCII they mean. */
export function toHalfWidth(value: string): string {
  return value.normalize("NFKC");
}

/** A number as typed on a card or phone: full-width digits, spaces and hyphens (any kind) allowed. */
export function normalizeDigits(value: string): string {
  return toHalfWidth(value).replace(/[\s\-‐‑–—－ー−]/g, "");
}

/**
 * A birthday as people write it: 1998-07-21, 1998/7/21, 1998年7月21日, 19980721, full-width or not.
 * Returns YYYY-MM-DD when the shape fits (the date itself is checked by the schema), else the input trimmed.
 */
export function normalizeBirthday(value: string): string {
  const text = toHalfWidth(value).trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const parts = compact ?? /^(\d{4})\s*[-/.年‐－−]\s*(\d{1,2})\s*[-/.月‐－−]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!parts) return text;
  const [, y, m, d] = parts;
  return `${y}-${(m ?? "").padStart(2, "0")}-${(d ?? "").padStart(2, "0")}`;
}

const MemberNumber = z
  .string()
  .transform(normalizeDigits)
  .pipe(
    z
      .string()
      .min(1, "会員番号を入力してください / Enter your member number")
      .max(20, "会員番号が長すぎます / Member number is too long")
      .regex(/^[0-9A-Za-z]+$/, "会員番号は半角英数字です / Member number: letters and digits only"),
  );

/** A calendar date that exists (2024-02-30 does not). */
const Birthday = z
  .string()
  .transform(normalizeBirthday)
  .pipe(z.iso.date("生年月日は YYYY-MM-DD で入力してください / Birthday as YYYY-MM-DD"));

const PhoneLast4 = z
  .string()
  .transform(normalizeDigits)
  .pipe(z.string().regex(/^\d{4}$/, "電話番号の下4桁（数字4つ）を入力してください / Enter the last 4 digits of your phone"));

/** LINE link tokens are opaque URL-safe strings; anything else is not from LINE. */
export const LinkTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_\-.~+/=]{8,256}$/, "linkToken is not a LINE link token / linkToken の形式が正しくありません");

/**
 * POST /api/shop/link-nonces — the shop's own website, after it logged the customer in: which member the
 * link token's LINE user proved to be (server to server, signed with SHOP_API_SECRET).
 */
export const ShopLinkNonceInputSchema = z.object({ linkToken: LinkTokenSchema, memberNumber: MemberNumber });
export type ShopLinkNonceInput = z.input<typeof ShopLinkNonceInputSchema>;

/** POST /api/account-link — the member record's number plus one thing only its owner knows. */
export const LinkMemberInputSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("birthday"), memberNumber: MemberNumber, birthday: Birthday }),
  z.object({ method: z.literal("phone"), memberNumber: MemberNumber, phoneLast4: PhoneLast4 }),
]);
export type LinkMemberInput = z.input<typeof LinkMemberInputSchema>;
export type LinkMemberRequest = z.output<typeof LinkMemberInputSchema>;

export const LinkMethodSchema = z.enum(["liff", "account_link", "customer", "staff"]);
export type LinkMethod = z.infer<typeof LinkMethodSchema>;

/** GET /api/account-link — whether the caller's LINE account is joined to a member record. */
export const LinkStatusSchema = z.object({
  linked: z.boolean(),
  member: z.object({ memberNumber: z.string(), name: z.string() }).nullable(),
  /** When and how the current link was made; null when not linked (or linked before history was kept). */
  linkedAt: z.number().nullable(),
  method: LinkMethodSchema.nullable(),
});
export type LinkStatus = z.infer<typeof LinkStatusSchema>;

/** `details` of the 429 a locked-out check gets: which counter is full and when a new try is allowed. */
export const LinkLockoutSchema = z.object({
  scope: z.enum(["friend", "member", "login"]),
  retryAt: z.number(),
  retryAfterSeconds: z.number().int().positive(),
});
export type LinkLockout = z.infer<typeof LinkLockoutSchema>;

/** `details` of a 400 mismatch: how many tries are left before the lockout. */
export const LinkMismatchSchema = z.object({ remainingAttempts: z.number().int().nonnegative() });
export type LinkMismatch = z.infer<typeof LinkMismatchSchema>;
