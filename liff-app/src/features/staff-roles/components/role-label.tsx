import type { Role } from "@enishi/shared";
import { Bi } from "../../../components/bilingual.tsx";

export const ROLE_NAMES: Record<Role, [ja: string, en: string]> = {
  staff: ["スタッフ", "Staff"],
  admin: ["管理者", "Admin"],
};

export function RoleBadge({ value: role }: { value: Role }) {
  const [ja, en] = ROLE_NAMES[role];
  return (
    <span className={role === "admin" ? "badge badge--green" : "badge"}>
      <Bi ja={ja} en={en} inline />
    </span>
  );
}
