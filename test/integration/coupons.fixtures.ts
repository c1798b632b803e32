import type { CouponInput } from "@enishi/shared";
import { expect } from "vitest";
import { callAsAdmin, registerAdmin } from "./helpers.ts";

const DAY = 86_400_000;

/** A coupon anyone can take once, running from a minute ago for a week; `overrides` change any field. */
export function couponInput(overrides: Partial<CouponInput> = {}): CouponInput {
  const now = Date.now();
  return {
    title: "ドリンク100円引き",
    imageUrl: null,
    terms: "お一人様1回限り",
    discount: { kind: "yen", value: 100 },
    startsAt: now - 60_000,
    endsAt: now + 7 * DAY,
    validDays: null,
    audience: { kind: "everyone" },
    perUserLimit: 1,
    totalLimit: null,
    lottery: null,
    redeemTag: null,
    status: "active",
    ...overrides,
  };
}

/** Creates the coupon through the admin API (as the registered admin); returns its id. */
export async function createCoupon(overrides: Partial<CouponInput> = {}): Promise<string> {
  await registerAdmin();
  const response = await callAsAdmin("/api/admin/coupons", { body: couponInput(overrides) });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
