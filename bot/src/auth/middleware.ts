import type { Role } from "@enishi/shared";
import { hasRole } from "@enishi/shared";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { AppError, forbidden, unauthorized } from "../errors.ts";
import { InvalidIdTokenError, verifyIdToken } from "./id-token.ts";
import { rolesOf } from "./roles.ts";

/** Requires `Authorization: Bearer <LIFF ID token>` and puts the verified identity and roles on the context. */
export const requireUser = createMiddleware<AppEnv>(async function requireUser(c, next) {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized("ID token missing: send Authorization: Bearer <ID token> / IDトークンがありません");
  try {
    const identity = await verifyIdToken(c.var.config, match[1]);
    c.set("user", { ...identity, roles: await rolesOf(c.var.deps, identity.userId) });
  } catch (error) {
    if (error instanceof InvalidIdTokenError) {
      throw new AppError(401, "unauthorized", `${error.message} / IDトークンが無効です。もう一度開き直してください`);
    }
    throw error;
  }
  await next();
});

export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async function requireRoleMiddleware(c, next) {
    const user = c.var.user;
    if (!user) throw unauthorized();
    if (!hasRole(user.roles, role))
      throw forbidden(`This needs the ${role} role / ${role === "admin" ? "管理者" : "スタッフ"}権限が必要です`);
    await next();
  });
}
