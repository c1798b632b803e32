import type { Role } from "@enishi/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { client, readJson } from "../../../lib/api.ts";
import { staffQueryOptions } from "./get-staff.ts";

/** DELETE /api/admin/staff/:userId/:role — the server refuses removing your own admin role. */
export function useRevokeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; role: Role }) => readJson(client.api.admin.staff[":userId"][":role"].$delete({ param: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffQueryOptions.queryKey }),
  });
}
