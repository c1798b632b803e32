import type { Role } from "@enishi/shared";
import type { ReactNode } from "react";
import { NoAccess } from "../components/no-access.tsx";
import { ErrorState, Loading } from "../components/states.tsx";
import { useMe } from "../features/me/api/get-me.ts";
import { hasRole } from "../lib/roles.ts";

/**
 * Shows its children only to people with the role (admin implies staff). This is for the screen only —
 * the API checks the role on every call — but it also keeps the staff and admin code from loading for
 * customers, since those screens are lazy chunks rendered inside it.
 */
export function RequireRole({ needs, children }: { needs: Role; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="page">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!hasRole(me.data.roles, needs)) {
    return (
      <div className="page">
        <title>権限がありません / No access</title>
        <NoAccess needs={needs} userId={me.data.userId} />
      </div>
    );
  }
  return children;
}
