import type { CouponInput } from "@enishi/shared";
import { jstInputToMs, msToJstInput } from "./jst-input.ts";

/** The editor's fields as the inputs hold them (text), converted to CouponInput on save. */
export interface CouponFormState {
  title: string;
  imageUrl: string;
  terms: string;
  discountKind: "yen" | "percent";
  discountValue: string;
  startsAt: string;
  endsAt: string;
  validDays: string;
  /** "everyone", "tag:<id>" or "segment:<id>": one select picks the audience. */
  audience: string;
  perUserLimit: string;
  totalLimit: string;
  lottery: boolean;
  winRatePercent: string;
  maxWinners: string;
  redeemTag: string;
  status: CouponInput["status"];
}

const DAY = 86_400_000;

export function emptyCouponForm(now = Date.now()): CouponFormState {
  return {
    title: "",
    imageUrl: "",
    terms: "",
    discountKind: "yen",
    discountValue: "",
    startsAt: msToJstInput(now - (now % 3_600_000)),
    endsAt: msToJstInput(now - (now % 3_600_000) + 30 * DAY),
    validDays: "",
    audience: "everyone",
    perUserLimit: "1",
    totalLimit: "",
    lottery: false,
    winRatePercent: "10",
    maxWinners: "",
    redeemTag: "",
    status: "draft",
  };
}

export function couponToForm(c: CouponInput): CouponFormState {
  return {
    title: c.title,
    imageUrl: c.imageUrl ?? "",
    terms: c.terms,
    discountKind: c.discount.kind,
    discountValue: String(c.discount.value),
    startsAt: msToJstInput(c.startsAt),
    endsAt: msToJstInput(c.endsAt),
    validDays: c.validDays === null ? "" : String(c.validDays),
    audience:
      c.audience.kind === "tag"
        ? `tag:${c.audience.tagId}`
        : c.audience.kind === "segment"
          ? `segment:${c.audience.segmentId}`
          : "everyone",
    perUserLimit: String(c.perUserLimit),
    totalLimit: c.totalLimit === null ? "" : String(c.totalLimit),
    lottery: c.lottery !== null,
    winRatePercent: c.lottery ? String(c.lottery.winRatePercent) : "10",
    maxWinners: c.lottery?.maxWinners ? String(c.lottery.maxWinners) : "",
    redeemTag: c.redeemTag ?? "",
    status: c.status,
  };
}

function toAudience(value: string): CouponInput["audience"] {
  if (value.startsWith("tag:")) return { kind: "tag", tagId: value.slice(4) };
  if (value.startsWith("segment:")) return { kind: "segment", segmentId: value.slice(8) };
  return { kind: "everyone" };
}

/** Empty optional fields become null; numbers that do not parse become NaN so the server names the field. */
function optionalInt(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

export function formToCoupon(f: CouponFormState): CouponInput {
  return {
    title: f.title,
    imageUrl: f.imageUrl.trim() === "" ? null : f.imageUrl.trim(),
    terms: f.terms,
    discount: { kind: f.discountKind, value: Number(f.discountValue) },
    startsAt: jstInputToMs(f.startsAt) ?? Number.NaN,
    endsAt: jstInputToMs(f.endsAt) ?? Number.NaN,
    validDays: optionalInt(f.validDays),
    audience: toAudience(f.audience),
    perUserLimit: Number(f.perUserLimit),
    totalLimit: optionalInt(f.totalLimit),
    lottery: f.lottery ? { winRatePercent: Number(f.winRatePercent), maxWinners: optionalInt(f.maxWinners) } : null,
    redeemTag: f.redeemTag.trim() === "" ? null : f.redeemTag.trim(),
    status: f.status,
  };
}
