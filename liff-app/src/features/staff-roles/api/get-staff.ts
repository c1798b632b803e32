import { queryOptions, useQuery } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

const getStaff = () => client.api.admin.staff.$get();
export type StaffList = OkBody<Awaited<ReturnType<typeof getStaff>>>;
export type StaffRole = StaffList["staff"][number];

export const staffQueryOptions = queryOptions({
  queryKey: ["admin", "staff"],
  queryFn: () => readJson(getStaff()),
});

/** GET /api/admin/staff — role rows from D1, plus the bootstrap admins from ADMIN_LINE_USER_IDS. */
export function useStaff() {
  return useQuery(staffQueryOptions);
}
