import { Link } from "wouter";
import { Bi } from "./bilingual.tsx";

/** "← ja / en" on a line of its own: the way back up from a detail page. */
export function BackLink({ href, ja, en }: { href: string; ja: string; en: string }) {
  return (
    <p>
      <Link href={href}>
        <Bi ja={`← ${ja}`} en={en} inline />
      </Link>
    </p>
  );
}

/** "ホームへ戻る / Back to home" as a button on a line of its own: the way out of a dead end (no access, not found). */
export function HomeButton() {
  return (
    <p>
      <Link href="/" className="btn">
        <Bi ja="ホームへ戻る" en="Back to home" inline />
      </Link>
    </p>
  );
}

/** A link styled as a button under a page's heading; the primary one is the page's main action ("＋ new …"). */
export interface PageAction {
  href: string;
  ja: string;
  en: string;
  primary?: boolean;
}

/**
 * A page's head: the document title ("ja / en | Enishi" unless `title` says otherwise), an optional link back
 * up ("← ja"), the bilingual heading, and a row of links to act or move on.
 */
export function PageHeader({
  ja,
  en,
  title,
  back,
  actions,
}: {
  ja: string;
  en: string;
  title?: string | undefined;
  back?: { href: string; ja: string; en: string } | undefined;
  actions?: readonly PageAction[] | undefined;
}) {
  return (
    <>
      <title>{`${title ?? `${ja} / ${en}`} | Enishi`}</title>
      {back ? <BackLink {...back} /> : null}
      <h1 className="page-title">
        <Bi ja={ja} en={en} />
      </h1>
      {actions ? (
        <p className="page-actions">
          {actions.map((a) => (
            <Link key={a.href} href={a.href} className={a.primary ? "btn btn--primary" : "btn"}>
              <Bi ja={a.ja} en={a.en} inline />
            </Link>
          ))}
        </p>
      ) : null}
    </>
  );
}
