import type { Role } from "@enishi/shared";

/**
 * An admin can do everything staff can. Mirrors `hasRole` in shared/src/roles.ts, which is not imported at
 * runtime because that module builds zod schemas and would pull zod into the customer's first load.
 */
export function hasRole(roles: readonly Role[], needed: Role): boolean {
  if (needed === "staff") return roles.includes("staff") || roles.includes("admin");
  return roles.includes("admin");
}
