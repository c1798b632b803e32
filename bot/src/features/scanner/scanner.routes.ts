import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { unauthorized } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { awardForPurchase, redeemCouponForScan, scanCard } from "./scanner.service.ts";

const ScanInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Scan or type the code / コードを読み取るか入力してください")
    .max(200, "Code too long / コードが長すぎます"),
  storeId: z.string().min(1).max(64).nullable().default(null),
});
const ScanParam = z.object({ scanId: z.uuid("Unknown scan / 読み取りが見つかりません") });
const AwardInputSchema = z.object({
  amountYen: z
    .number({ error: "Enter the purchase amount in yen / お会計金額（円）を入力してください" })
    .int("Whole yen only / 円単位で入力してください")
    .min(1, "Enter an amount of at least ¥1 / 1円以上を入力してください")
    .max(10_000_000, "Up to ¥10,000,000 / 1,000万円までです"),
});
const RedeemParam = ScanParam.extend({ grantId: z.string().min(1).max(64) });

function staffId(c: { var: AppEnv["Variables"] }): string {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user.userId;
}

/**
 * `/api/staff/scans` — the counter: scan a member card (POST /), then act on that scan: award points for a
 * purchase (POST /:scanId/award) or redeem one of the member's coupons (POST /:scanId/coupons/:grantId/redeem).
 */
export const scannerRoutes = new Hono<AppEnv>()
  .post("/", zValidator("json", ScanInputSchema, validationHook), async function scan(c) {
    const { code, storeId } = c.req.valid("json");
    return c.json(await scanCard(c.var.deps, { code, storeId, staffUserId: staffId(c) }), 201);
  })
  .post(
    "/:scanId/award",
    zValidator("param", ScanParam, validationHook),
    zValidator("json", AwardInputSchema, validationHook),
    async function award(c) {
      const { scanId } = c.req.valid("param");
      const { amountYen } = c.req.valid("json");
      return c.json(await awardForPurchase(c.var.deps, { scanId, amountYen, staffUserId: staffId(c) }));
    },
  )
  .post("/:scanId/coupons/:grantId/redeem", zValidator("param", RedeemParam, validationHook), async function redeem(c) {
    const { scanId, grantId } = c.req.valid("param");
    return c.json(await redeemCouponForScan(c.var.deps, { scanId, grantId, staffUserId: staffId(c) }));
  });
