import { type ReactNode, useEffect, useRef } from "react";
import { Link, useLocation } from "wouter";
import { Bi } from "./bilingual.tsx";

export interface NavItem {
  href: string;
  ja: string;
  en: string;
  /** current only on this very path, not below it (an area's overview) */
  exact?: boolean;
}

function isActive({ href, exact }: NavItem, location: string): boolean {
  return href === "/" || exact ? location === href : location === href || location.startsWith(`${href}/`);
}

function NavLinks({ items, label, className }: { items: readonly NavItem[]; label: string; className: string }) {
  const [location] = useLocation();
  const nav = useRef<HTMLElement>(null);
  // On a phone the row scrolls sideways: keep the current area in view (again when the items arrive with
  // the person's roles).
  const current = items.find((item) => isActive(item, location))?.href;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the current item changes
  useEffect(() => {
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [current]);
  return (
    <nav ref={nav} className={className} aria-label={label}>
      {items.map((item) => (
        <Link key={item.href} href={item.href} aria-current={isActive(item, location) ? "page" : undefined}>
          <Bi ja={item.ja} en={item.en} />
        </Link>
      ))}
    </nav>
  );
}

/**
 * Header (brand + the areas this person may use), an area's own sub-navigation under it when there is one
 * (the admin console's), and the main landmark, which takes focus on navigation.
 */
export function AppShell({ nav, subnav, children }: { nav: NavItem[]; subnav?: readonly NavItem[] | undefined; children: ReactNode }) {
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
        {nav.length > 1 ? <NavLinks items={nav} label="画面 / Areas" className="app-nav" /> : null}
      </header>
      {subnav ? <NavLinks items={subnav} label="管理メニュー / Admin areas" className="sub-nav" /> : null}
      <main ref={main} id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
