import { findRoles } from "@enishi/db";
import type { Role } from "@enishi/shared";
import type { Deps } from "../deps.ts";

/**
 * A person's roles: the rows in D1, plus admin for the bootstrap admins named in ADMIN_LINE_USER_IDS.
 * The one place that decides, for the auth middleware, the inbox socket and staff assignment alike.
 */
export async function rolesOf(deps: Pick<Deps, "db" | "config">, userId: string): Promise<Role[]> {
  const roles = new Set<Role>(await findRoles(deps.db, userId));
  if (deps.config.adminUserIds.has(userId)) roles.add("admin");
  return [...roles];
}
