import { z } from "zod";

export const RoleSchema = z.enum(["staff", "admin"]);
export type Role = z.infer<typeof RoleSchema>;

/** An admin can do everything staff can. */
export function hasRole(roles: readonly Role[], needed: Role): boolean {
  if (needed === "staff") return roles.includes("staff") || roles.includes("admin");
  return roles.includes("admin");
}
