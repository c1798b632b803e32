import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { StaffRole, StaffRoleRow } from "./staff.table.ts";

export async function findRoles(db: Kysely<Database>, lineUserId: string): Promise<StaffRole[]> {
  const rows = await db.selectFrom("staff_roles").select("role").where("line_user_id", "=", lineUserId).execute();
  return rows.map((r) => r.role);
}

export function findAllStaff(db: Kysely<Database>): Promise<StaffRoleRow[]> {
  return db.selectFrom("staff_roles").selectAll().orderBy("created_at").execute();
}

/** Returns false when the person already had the role. */
export async function insertRole(
  db: Kysely<Database>,
  row: { lineUserId: string; role: StaffRole; displayName: string | null; grantedBy: string | null; at: number },
): Promise<boolean> {
  const result = await db
    .insertInto("staff_roles")
    .values({
      line_user_id: row.lineUserId,
      role: row.role,
      display_name: row.displayName,
      granted_by: row.grantedBy,
      created_at: row.at,
    })
    .onConflict((oc) => oc.columns(["line_user_id", "role"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deleteRole(db: Kysely<Database>, lineUserId: string, role: StaffRole): Promise<boolean> {
  const result = await db.deleteFrom("staff_roles").where("line_user_id", "=", lineUserId).where("role", "=", role).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
