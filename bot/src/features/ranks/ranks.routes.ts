import { findRanks } from "@enishi/db";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { unauthorized } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { replaceRanks, toRankView } from "./ranks.admin.service.ts";

const RankInputSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, "Rank ID: lower-case letters, digits and - / ランクIDは半角英小文字・数字・ハイフンです")
    .optional(),
  name: z.string().trim().min(1, "Name is empty / ランク名が空です").max(20, "Up to 20 characters / 20文字までです"),
  nameEn: z.string().trim().min(1, "English name is empty / 英語名が空です").max(30, "Up to 30 characters / 30文字までです"),
  minPoints: z.number().int("Whole points / 整数で入力してください").min(0, "0 or more / 0以上です").max(100_000_000),
  multiplierPct: z.number().int().min(0, "0% or more / 0%以上です").max(1000, "Up to ×10 / 10倍までです"),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colour like #06c755 / #06c755 の形式で入力してください"),
});
export const ReplaceRanksSchema = z.object({
  ranks: z.array(RankInputSchema).min(1, "At least one rank / ランクが1つ以上必要です").max(10, "Up to 10 ranks / 10ランクまでです"),
});

/** `/api/admin/ranks` — the rank rules (thresholds on points earned in the rank window, multipliers). */
export const rankAdminRoutes = new Hono<AppEnv>()
  .get("/", async function listRanks(c) {
    return c.json({ ranks: (await findRanks(c.var.db)).map(toRankView) });
  })
  .put("/", zValidator("json", ReplaceRanksSchema, validationHook), async function putRanks(c) {
    const user = c.var.user;
    if (!user) throw unauthorized();
    return c.json({ ranks: await replaceRanks(c.var.deps, c.req.valid("json").ranks, user.userId) });
  });
