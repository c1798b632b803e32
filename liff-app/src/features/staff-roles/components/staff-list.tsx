import { Bi } from "../../../components/bilingual.tsx";
import { EmptyState, QueryStates } from "../../../components/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useStaff } from "../api/get-staff.ts";
import { RevokeButton } from "./revoke-button.tsx";
import { RoleBadge } from "./role-label.tsx";

/** Everyone with a role: rows from D1 (revocable) and the admins named in configuration (not). */
export function StaffList({ currentUserId }: { currentUserId: string | undefined }) {
  const staff = useStaff();
  return (
    <QueryStates query={staff}>
      {({ staff: rows, bootstrapAdmins }) => (
        <div className="card">
          <h3 className="card__title">
            <Bi ja="権限のある人" en="People with a role" />
          </h3>
          {rows.length === 0 ? (
            <EmptyState ja="付与された権限はまだありません。" en="No roles granted yet." />
          ) : (
            <ul className="staff-list" aria-label="権限一覧 / Roles">
              {rows.map((row) => {
                const name = row.displayName ?? "名前未取得 / No name";
                const isMe = row.userId === currentUserId;
                return (
                  <li
                    key={`${row.userId}:${row.role}`}
                    className="staff-row"
                    data-testid="staff-row"
                    data-user-id={row.userId}
                    data-role={row.role}
                  >
                    <div className="staff-row__who">
                      <p className="staff-row__name">
                        {name}
                        {isMe ? <span className="field__hint"> （あなた / you）</span> : null}
                      </p>
                      <p className="mono">{row.userId}</p>
                      <p className="field__hint">
                        {formatDateTime(row.createdAt)}
                        {row.grantedBy ? ` · by ${row.grantedBy}` : ""}
                      </p>
                    </div>
                    <RoleBadge value={row.role} />
                    <RevokeButton userId={row.userId} role={row.role} name={name} />
                  </li>
                );
              })}
            </ul>
          )}
          {bootstrapAdmins.length > 0 ? (
            <div className="bootstrap-admins">
              <h4>
                <Bi ja="設定で指定された管理者" en="Admins from configuration" />
              </h4>
              <p className="field__hint">
                <Bi
                  ja="ADMIN_LINE_USER_IDS で指定された管理者は、ここでは削除できません。"
                  en="Admins named in ADMIN_LINE_USER_IDS cannot be removed here."
                />
              </p>
              <ul className="staff-list">
                {bootstrapAdmins.map((userId) => (
                  <li key={userId} className="staff-row" data-testid="bootstrap-admin">
                    <p className="mono staff-row__who">
                      {userId}
                      {userId === currentUserId ? <span className="field__hint"> （あなた / you）</span> : null}
                    </p>
                    <RoleBadge value="admin" />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
    </QueryStates>
  );
}
