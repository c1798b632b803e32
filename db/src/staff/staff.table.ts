import type { Selectable } from "kysely";

export type StaffRole = "staff" | "admin";

export interface StaffRolesTable {
  line_user_id: string;
  role: StaffRole;
  display_name: string | null;
  granted_by: string | null;
  created_at: number;
}
export type StaffRoleRow = Selectable<StaffRolesTable>;
