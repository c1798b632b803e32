import { z } from "zod";

/**
 * Tracked links (decision 020): `/r/<code>` redirects to `destination` and records the click. The code is
 * what a customer sees in the URL, so it is short and URL-safe; operators may choose it or let one be made.
 */
export const LINK_CODE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;

export const LinkCodeSchema = z.string().trim().regex(LINK_CODE_PATTERN, "3–32 letters, digits, - or _ / 英数字・-・_ で3〜32文字");

/** Only http(s): a javascript: or data: URL behind our domain would be an open door for phishing. */
export const DestinationSchema = z
  .string()
  .trim()
  .max(2000, "Up to 2,000 characters / 2,000文字まで")
  .refine(isWebUrl, "An http:// or https:// URL / http:// か https:// で始まるURLを入力してください");

export function isWebUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
}

export const TrackedLinkInputSchema = z.object({
  name: z.string().trim().min(1, "Name is required / 名前を入力してください").max(80, "Up to 80 characters / 80文字まで"),
  destination: DestinationSchema,
  /** Omitted or empty: one is generated. */
  code: z.union([LinkCodeSchema, z.literal("")]).optional(),
  /** A tag (by ID) added to an attributed clicker; omitted or null: no tag. */
  tagId: z.string().trim().min(1).max(64).nullable().optional(),
});
export type TrackedLinkInput = z.infer<typeof TrackedLinkInputSchema>;

export interface TrackedLinkDto {
  id: string;
  code: string;
  name: string;
  destination: string;
  tagId: string | null;
  tagName: string | null;
  /** The public URL without attribution (anonymous clicks), e.g. for a poster or a website. */
  url: string;
  clicks: number;
  uniqueUsers: number;
  createdAt: number;
}

const CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random 7-character code (no 0/O/1/l/I, read aloud or typed without confusion): ~3.7e12 codes. */
export function generateLinkCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  // 256 is not a multiple of the alphabet size: drop the biased top bytes instead of taking them modulo.
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = "";
  while (code.length < 7) {
    for (const b of random(16)) {
      if (b < limit && code.length < 7) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
    }
  }
  return code;
}
