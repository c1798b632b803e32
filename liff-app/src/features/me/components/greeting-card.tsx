import { Avatar } from "../../../components/avatar.tsx";
import type { Me } from "../api/get-me.ts";

/** The verified profile: the name and picture come from the server, never from the client's LIFF profile. */
export function GreetingCard({ me }: { me: Me }) {
  const name = me.displayName?.trim();
  return (
    <section className="card greeting" aria-labelledby="greeting-title">
      <Avatar src={me.pictureUrl} name={name} size={64} />
      <div>
        <h1 id="greeting-title" className="page-title">
          こんにちは{name ? "、" : ""}
          {name ? <span data-testid="customer-display-name">{name}</span> : null}
          {name ? "さん" : ""}
        </h1>
        <p className="en" lang="en">
          Hello{name ? `, ${name}` : ""}
        </p>
      </div>
    </section>
  );
}
