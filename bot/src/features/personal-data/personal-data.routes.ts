import { LineUserIdSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { unauthorized } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { erasePersonalData, exportPersonalData } from "./personal-data.service.ts";

function adminId(c: { var: AppEnv["Variables"] }): string {
  if (!c.var.user) throw unauthorized();
  return c.var.user.userId;
}

const UserParam = z.object({ userId: LineUserIdSchema });
const EraseBody = z.object({
  confirm: z
    .string()
    .trim()
    .min(1, "確認のため LINE ユーザー ID か会員番号を入力してください / Type the LINE user ID or member number to confirm")
    .max(100),
});

/** `/api/admin/friends/:userId/personal-data` (admin only, under /admin/*): export and erase, decision 023. */
export const personalDataRoutes = new Hono<AppEnv>()
  .get("/:userId/personal-data", zValidator("param", UserParam, validationHook), async function exportData(c) {
    const { userId } = c.req.valid("param");
    const doc = await exportPersonalData(c.var.deps, userId, adminId(c));
    const day = doc.exportedAt.slice(0, 10);
    return c.json(doc, 200, { "content-disposition": `attachment; filename="personal-data-${userId}-${day}.json"` });
  })
  .delete(
    "/:userId/personal-data",
    zValidator("param", UserParam, validationHook),
    zValidator("json", EraseBody, validationHook),
    async function eraseData(c) {
      const { userId } = c.req.valid("param");
      const result = await erasePersonalData(c.var.deps, userId, c.req.valid("json").confirm, adminId(c));
      return c.json(result, 200);
    },
  );
