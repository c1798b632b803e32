import { OrderIdSchema, ShopOrderInputSchema } from "@enishi/shared/orders/orders.schema";
import { Hono } from "hono";
import { z } from "zod";
import { readSignedShopJson } from "../../auth/shop-request.ts";
import type { AppEnv } from "../../context.ts";
import { parseOrRefuse } from "../../validation.ts";
import { recordOrder, refundOrder } from "./orders.service.ts";

const RefundBody = z.object({ reason: z.string().trim().min(1).max(200).optional() });

/**
 * /api/shop/orders — the shop's POS or cart, signed with SHOP_API_SECRET like /api/shop/link-nonces
 * (auth/shop-request.ts). Decision 024.
 *
 * - `POST /` `{orderId, memberNumber | lineUserId, amountYen, storeId?, orderedAt?}` → 201 when the order
 *   earned points now, 200 when it had been recorded before (or earned none); `{pointsAwarded, balance, …}`.
 * - `POST /:orderId/refund` `{reason?}` → 201 when the points were taken back now, 200 when they had been.
 */
export const orderRoutes = new Hono<AppEnv>()
  .post("/", async function postOrder(c) {
    const input = parseOrRefuse(
      ShopOrderInputSchema,
      await readSignedShopJson(c, "{orderId, memberNumber | lineUserId, amountYen, storeId?, orderedAt?}"),
    );
    const result = await recordOrder(c.var.deps, input);
    return c.json(result, result.created ? 201 : 200);
  })
  .post("/:orderId/refund", async function postRefund(c) {
    const body = parseOrRefuse(RefundBody, await readSignedShopJson(c, "{reason?}"));
    const orderId = parseOrRefuse(OrderIdSchema, c.req.param("orderId"));
    const result = await refundOrder(c.var.deps, orderId, body.reason);
    return c.json(result, result.created ? 201 : 200);
  });
