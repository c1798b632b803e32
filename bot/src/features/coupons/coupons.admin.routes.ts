import { findAllTags, findSegments } from "@enishi/db";
import { CouponInputSchema, CouponSendInputSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { createCoupon, editCoupon, getAdminCoupon, listAdminCoupons, listCouponSends } from "./coupon-admin.service.ts";
import { startCouponSend } from "./coupon-send.service.ts";
import { callerId } from "./route-context.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });

/** `/api/admin/coupons`: operators create, edit and send coupons and see how they do. */
export const couponAdminRoutes = new Hono<AppEnv>()
  .get("/", async function listCoupons(c) {
    return c.json({ coupons: await listAdminCoupons(c.var.deps) });
  })
  // The choices the editor offers (audience tags and segments).
  .get("/options", async function couponOptions(c) {
    const [tags, segments] = await Promise.all([findAllTags(c.var.db), findSegments(c.var.db)]);
    return c.json({ tags: tags.map((t) => ({ id: t.id, name: t.name })), segments: segments.map((s) => ({ id: s.id, name: s.name })) });
  })
  .post("/", zValidator("json", CouponInputSchema, validationHook), async function create(c) {
    return c.json(await createCoupon(c.var.deps, c.req.valid("json"), callerId(c)), 201);
  })
  .get("/:id", zValidator("param", IdParam, validationHook), async function getCoupon(c) {
    const deps = c.var.deps;
    const { id } = c.req.valid("param");
    return c.json({ coupon: await getAdminCoupon(deps, id), sends: await listCouponSends(deps, id) });
  })
  .put("/:id", zValidator("param", IdParam, validationHook), zValidator("json", CouponInputSchema, validationHook), async function edit(c) {
    return c.json(await editCoupon(c.var.deps, c.req.valid("param").id, c.req.valid("json")));
  })
  .post(
    "/:id/send",
    zValidator("param", IdParam, validationHook),
    zValidator("json", CouponSendInputSchema, validationHook),
    async function send(c) {
      const started = await startCouponSend(c.var.deps, c.req.valid("param").id, c.req.valid("json"), callerId(c));
      if (started.to === "user") return c.json(started, started.delivered ? 200 : 502);
      return c.json(started, 202);
    },
  );
