import type { Role } from "@enishi/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { client, readJson } from "../../../lib/api.ts";
import { staffQueryOptions } from "./get-staff.ts";

/** POST /api/admin/staff — `created: false` when the person already had the role. */
export function useGrantRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; role: Role }) => readJson(client.api.admin.staff.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryOptions.queryKey }),
  });
}
