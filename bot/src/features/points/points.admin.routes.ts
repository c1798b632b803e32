import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { unauthorized } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import {
  adjustPoints,
  createStore,
  editStore,
  getPointSettings,
  listStores,
  memberPoints,
  savePointSettings,
} from "./points.admin.service.ts";

const RateBp = z
  .number()
  .int("Whole basis points / 整数で入力してください")
  .min(0, "0 or more / 0以上です")
  .max(10_000, "Up to 100% / 100%までです");
export const PointSettingsSchema = z.object({
  rateBp: RateBp,
  expiryMonths: z.number().int().min(1, "At least 1 month / 1か月以上です").max(120, "Up to 120 months / 120か月までです"),
  expiryNoticeDays: z.number().int().min(0).max(90, "Up to 90 days / 90日までです"),
  rankWindowMonths: z.number().int().min(1, "At least 1 month / 1か月以上です").max(60, "Up to 60 months / 60か月までです"),
});
const StoreId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "Lower-case letters, digits and - / 半角英小文字・数字・ハイフンで入力してください");
export const CreateStoreSchema = z.object({
  id: StoreId,
  name: z.string().trim().min(1, "Name is empty / 店舗名が空です").max(60),
  address: z.string().trim().max(200).nullable().default(null),
  pointRateBp: RateBp.nullable().default(null),
});
export const EditStoreSchema = CreateStoreSchema.omit({ id: true }).partial();
const MemberParam = z.object({
  memberNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{1,20}$/, "Member number: letters and digits / 会員番号は英数字です"),
});
export const AdjustSchema = z.object({
  points: z
    .number({ error: "Enter points / ポイントを入力してください" })
    .int("Whole points / 整数で入力してください")
    .refine((n) => n !== 0, "Not 0 / 0以外を入力してください")
    .refine((n) => Math.abs(n) <= 1_000_000, "Up to 1,000,000 / 100万ポイントまでです"),
  reason: z.string().trim().min(2, "Give a reason / 理由を入力してください").max(200, "Up to 200 characters / 200文字までです"),
  requestKey: z.uuid("requestKey must be a UUID"),
});

function adminId(c: { var: AppEnv["Variables"] }): string {
  if (!c.var.user) throw unauthorized();
  return c.var.user.userId;
}

/** `/api/admin/points` — point rules, stores and their rates, one member's points and manual adjustments. */
export const pointAdminRoutes = new Hono<AppEnv>()
  .get("/settings", async function showSettings(c) {
    return c.json(await getPointSettings(c.var.deps));
  })
  .put("/settings", zValidator("json", PointSettingsSchema, validationHook), async function putSettings(c) {
    return c.json(await savePointSettings(c.var.deps, c.req.valid("json"), adminId(c)));
  })
  .get("/stores", async function stores(c) {
    return c.json({ stores: await listStores(c.var.deps) });
  })
  .post("/stores", zValidator("json", CreateStoreSchema, validationHook), async function addStore(c) {
    return c.json(await createStore(c.var.deps, c.req.valid("json"), adminId(c)), 201);
  })
  .patch(
    "/stores/:id",
    zValidator("param", z.object({ id: StoreId }), validationHook),
    zValidator("json", EditStoreSchema, validationHook),
    async function patchStore(c) {
      return c.json(await editStore(c.var.deps, c.req.valid("param").id, c.req.valid("json"), adminId(c)));
    },
  )
  .get("/members/:memberNumber", zValidator("param", MemberParam, validationHook), async function showMember(c) {
    return c.json(await memberPoints(c.var.deps, c.req.valid("param").memberNumber));
  })
  .post(
    "/members/:memberNumber/adjust",
    zValidator("param", MemberParam, validationHook),
    zValidator("json", AdjustSchema, validationHook),
    async function adjust(c) {
      const input = { memberNumber: c.req.valid("param").memberNumber, ...c.req.valid("json") };
      const result = await adjustPoints(c.var.deps, input, adminId(c));
      return c.json(result, result.created ? 201 : 200);
    },
  );

/** `/api/staff/stores` — which store the scanner is at. */
export const staffStoreRoutes = new Hono<AppEnv>().get("/", async function stores(c) {
  return c.json({ stores: await listStores(c.var.deps) });
});
