import { findAllStaff, findFaqEntries } from "@enishi/db";
import { Hono } from "hono";
import type { AppEnv } from "../../context.ts";

/**
 * What the inbox needs besides conversations: who can be assigned a chat, and the FAQ questions a
 * customer's message can be attached to (issue 4 §3, §6).
 */
export const staffTeamRoutes = new Hono<AppEnv>()
  .get("/team", async function listTeam(c) {
    const rows = await findAllStaff(c.var.db);
    const byId = new Map<string, { userId: string; name: string | null }>();
    for (const row of rows)
      byId.set(row.line_user_id, { userId: row.line_user_id, name: byId.get(row.line_user_id)?.name ?? row.display_name });
    const me = c.var.user;
    if (me && !byId.has(me.userId)) byId.set(me.userId, { userId: me.userId, name: me.name });
    return c.json({ staff: [...byId.values()] });
  })
  .get("/faq", async function listFaqQuestions(c) {
    const rows = await findFaqEntries(c.var.db, { enabledOnly: false });
    return c.json({ entries: rows.map((r) => ({ id: r.id, question: r.question, enabled: r.enabled === 1 })) });
  });
