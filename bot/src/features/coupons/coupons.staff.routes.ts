import { LineUserIdSchema, StaffRedeemInputSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { listUsableCoupons, redeemCouponByStaff } from "./coupons.service.ts";
import { callerId } from "./route-context.ts";

/**
 * `/api/staff/coupons`: staff redeem a customer's copy by its code (scanned or typed at the counter, or
 * typed by the online order desk). 409 with `details.reason` for every refusal; 404 for an unknown code.
 */
export const couponStaffRoutes = new Hono<AppEnv>().post(
  "/redeem",
  zValidator("json", StaffRedeemInputSchema, validationHook),
  async function redeemByStaff(c) {
    const input = c.req.valid("json");
    const target = input.code !== undefined ? { code: input.code } : { grantId: input.grantId ?? "" };
    const redeemed = await redeemCouponByStaff(c.var.deps, {
      ...target,
      staffUserId: callerId(c),
      storeId: input.storeId,
      channel: input.channel,
    });
    return c.json(redeemed);
  },
);

/** `/api/staff/friends/:userId/coupons`: what the friend can use now (scanner, profile). */
export const couponStaffFriendRoutes = new Hono<AppEnv>().get(
  "/:userId/coupons",
  zValidator("param", z.object({ userId: LineUserIdSchema }), validationHook),
  async function usableCoupons(c) {
    return c.json({ coupons: await listUsableCoupons(c.var.deps, c.req.valid("param").userId) });
  },
);
