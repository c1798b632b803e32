import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import { requireUser } from "../../auth/middleware.ts";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { redeemOwnCoupon } from "./coupons.service.ts";
import { claimCoupon } from "./grants.service.ts";
import { getMyCoupon, listMyCoupons } from "./my-coupons.service.ts";
import { callerId } from "./route-context.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });

/**
 * The customer's coupons (`/api/coupons`). The friend is always the verified caller: nothing in the path
 * or body says whose coupons these are.
 */
export const couponRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async function getMyCoupons(c) {
    return c.json(await listMyCoupons(c.var.deps, callerId(c)));
  })
  .get("/:id", zValidator("param", IdParam, validationHook), async function getCoupon(c) {
    return c.json(await getMyCoupon(c.var.deps, callerId(c), c.req.valid("param").id));
  })
  .post("/:id/claim", zValidator("param", IdParam, validationHook), async function claim(c) {
    return c.json(await claimCoupon(c.var.deps, callerId(c), c.req.valid("param").id), 201);
  })
  // "Use now": the clerk confirms on the customer's screen; a second tap or a second phone gets 409.
  .post("/grants/:id/use", zValidator("param", IdParam, validationHook), async function useNow(c) {
    return c.json(await redeemOwnCoupon(c.var.deps, callerId(c), c.req.valid("param").id));
  });
