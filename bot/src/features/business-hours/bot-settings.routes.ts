import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { BotSettingsInputSchema, getBotSettings, hoursNow, saveBotSettings } from "./bot-settings.service.ts";

/** Admin: business hours, closed days, idle release and staff notification (issue 4 §5). */
export const botSettingsRoutes = new Hono<AppEnv>()
  .get("/", async function readBotSettings(c) {
    const settings = await getBotSettings(c.var.deps);
    return c.json({ settings, now: hoursNow(settings, Date.now()) });
  })
  .put("/", zValidator("json", BotSettingsInputSchema, validationHook), async function writeBotSettings(c) {
    const deps = c.var.deps;
    const settings = await saveBotSettings(deps, c.req.valid("json"));
    await recordAudit(deps, { staffUserId: c.var.user?.userId ?? "-", storeId: null, action: "bot.settings", details: {} });
    return c.json({ settings, now: hoursNow(settings, Date.now()) });
  });
