import { Link } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useMe } from "../../features/me/api/get-me.ts";
import { GrantRoleForm } from "../../features/staff-roles/components/grant-role-form.tsx";
import { StaffList } from "../../features/staff-roles/components/staff-list.tsx";
import { ADMIN_GROUPS, ADMIN_SECTIONS, type AdminGroup } from "../admin-sections.ts";

/** The admin home: every area of the console by what it is for, then staff and roles. */
export default function AdminRoute() {
  const me = useMe();
  const groups = Object.entries(ADMIN_GROUPS) as [AdminGroup, { ja: string; en: string }][];
  return (
    <div className="page">
      <PageHeader ja="管理" en="Admin" />
      {groups.map(([group, title]) => (
        <section key={group} aria-labelledby={`admin-group-${group}`}>
          <h2 id={`admin-group-${group}`}>
            <Bi ja={title.ja} en={title.en} />
          </h2>
          <ul className="admin-areas">
            {ADMIN_SECTIONS.filter((s) => s.group === group).map((s) => (
              <li key={s.href}>
                <Link href={s.href}>
                  <Bi ja={s.ja} en={s.en} />
                  <span className="admin-areas__about">
                    {s.about.ja} / {s.about.en}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
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
