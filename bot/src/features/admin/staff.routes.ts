import { deleteRole, findAllStaff, findFriend, insertRole } from "@enishi/db";
import { LineUserIdSchema, RoleSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { badRequest, notFound } from "../../errors.ts";
import { validationHook } from "../../validation.ts";

export const GrantRoleSchema = z.object({ userId: LineUserIdSchema, role: RoleSchema });

/** Admins manage who is staff or admin. Bootstrap admins come from ADMIN_LINE_USER_IDS. */
export const staffAdminRoutes = new Hono<AppEnv>()
  .get("/", async function listStaff(c) {
    const rows = await findAllStaff(c.var.db);
    return c.json({
      staff: rows.map((r) => ({
        userId: r.line_user_id,
        role: r.role,
        displayName: r.display_name,
        grantedBy: r.granted_by,
        createdAt: r.created_at,
      })),
      bootstrapAdmins: [...c.var.config.adminUserIds],
    });
  })
  .post("/", zValidator("json", GrantRoleSchema, validationHook), async function grantRole(c) {
    const { userId, role } = c.req.valid("json");
    const friend = await findFriend(c.var.db, userId);
    const created = await insertRole(c.var.db, {
      lineUserId: userId,
      role,
      displayName: friend?.display_name ?? null,
      grantedBy: c.var.user?.userId ?? null,
      at: Date.now(),
    });
    return c.json({ userId, role, created }, created ? 201 : 200);
  })
  .delete("/:userId/:role", zValidator("param", GrantRoleSchema, validationHook), async function revokeRole(c) {
    const { userId, role } = c.req.valid("param");
    if (userId === c.var.user?.userId && role === "admin")
      throw badRequest("You cannot remove your own admin role / 自分の管理者権限は削除できません");
    const deleted = await deleteRole(c.var.db, userId, role);
    if (!deleted) throw notFound("That person does not have this role / この権限は付与されていません");
    return c.json({ userId, role, deleted });
  });
