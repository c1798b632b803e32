import { type ReactNode, useEffect, useRef } from "react";
import { Link, useLocation } from "wouter";
import { Bi } from "./bilingual.tsx";

export interface NavItem {
  href: string;
  ja: string;
  en: string;
}

function isActive(href: string, location: string): boolean {
  return href === "/" ? location === "/" : location === href || location.startsWith(`${href}/`);
}

/** Header (brand + the areas this person may use) and the main landmark, which takes focus on navigation. */
export function AppShell({ nav, children }: { nav: NavItem[]; children: ReactNode }) {
  const [location] = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Screen readers start reading the new screen; keyboard users continue from its top.
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location]);

  return (
    <>
      <header className="app-header">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            縁
          </span>
          Enishi
        </Link>
        {nav.length > 1 ? (
          <nav className="app-nav" aria-label="画面 / Areas">
            {nav.map((item) => (
              <Link key={item.href} href={item.href} aria-current={isActive(item.href, location) ? "page" : undefined}>
                <Bi ja={item.ja} en={item.en} />
              </Link>
            ))}
          </nav>
        ) : null}
      </header>
      <main ref={main} id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
