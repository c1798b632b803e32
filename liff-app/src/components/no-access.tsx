import type { Role } from "@enishi/shared";
import { Bi } from "./bilingual.tsx";
import { HomeButton } from "./page-header.tsx";

const NEEDED: Record<Role, [string, string]> = { staff: ["スタッフ", "staff"], admin: ["管理者", "admin"] };

/** Shown instead of a staff or admin screen to someone without the role — with what to ask for. */
export function NoAccess({ needs, userId }: { needs: Role; userId: string }) {
  const [ja, en] = NEEDED[needs];
  return (
    <section className="card no-access" aria-labelledby="no-access-title" data-testid="no-access">
      <h1 id="no-access-title" className="page-title">
        <Bi ja="権限がありません" en="You don't have access" />
      </h1>
      <p>
        <Bi
          ja={`この画面には${ja}権限が必要です。管理者に、次の LINE ユーザー ID への権限付与を依頼してください。`}
          en={`This screen needs the ${en} role. Ask an admin to grant it to this LINE user ID:`}
        />
      </p>
      <p>
        <code data-testid="my-user-id">{userId}</code>
      </p>
      <HomeButton />
    </section>
  );
}
