import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useMe } from "../../features/me/api/get-me.ts";
import { GrantRoleForm } from "../../features/staff-roles/components/grant-role-form.tsx";
import { StaffList } from "../../features/staff-roles/components/staff-list.tsx";

/** The admin console. Staff and roles for now; the operators' tools (FAQ, coupons, …) join as sections. */
export default function AdminRoute() {
  const me = useMe();
  return (
    <div className="page">
      <PageHeader ja="管理" en="Admin" />
      <section className="admin-section" aria-labelledby="roles-title">
        <h2 id="roles-title">
          <Bi ja="スタッフと権限" en="Staff & roles" />
        </h2>
        <p className="field__hint">
          <Bi
            ja="スタッフは受信箱で返信できます。管理者はさらに権限を管理できます。"
            en="Staff answer customers in the inbox; admins also manage roles."
          />
        </p>
        <GrantRoleForm />
        <StaffList currentUserId={me.data?.userId} />
      </section>
    </div>
  );
}
