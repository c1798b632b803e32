import { useLocation } from "wouter";
import { AppShell, type NavItem } from "../components/app-shell.tsx";
import { ErrorBoundary } from "../components/error-boundary.tsx";
import { useMe } from "../features/me/api/get-me.ts";
import { hasRole } from "../lib/roles.ts";
import { ADMIN_SECTIONS } from "./admin-sections.ts";
import { LiffGate } from "./liff-gate.tsx";
import { AppProvider } from "./provider.tsx";
import { AppRouter } from "./router.tsx";

const ADMIN_NAV: NavItem[] = [{ href: "/admin", ja: "管理トップ", en: "Overview", exact: true }, ...ADMIN_SECTIONS];

function navFor(roles: readonly ("staff" | "admin")[]): NavItem[] {
  const items: NavItem[] = [
    { href: "/", ja: "ホーム", en: "Home" },
    { href: "/card", ja: "会員証", en: "Card" },
    { href: "/coupons", ja: "クーポン", en: "Coupons" },
    { href: "/surveys", ja: "アンケート", en: "Surveys" },
    { href: "/account-link", ja: "会員連携", en: "Link membership" },
  ];
  if (hasRole(roles, "staff")) items.push({ href: "/staff/inbox", ja: "受信箱", en: "Inbox" });
  if (hasRole(roles, "staff")) items.push({ href: "/staff/scan", ja: "スキャン", en: "Scan" });
  // One entry for the whole admin console: its areas are in the sub-navigation and on the admin home.
  if (hasRole(roles, "admin")) items.push({ href: "/admin", ja: "管理", en: "Admin" });
  return items;
}

function Layout() {
  // /api/me waits for LIFF by itself (the API client asks for the ID token), so the header can render now.
  const me = useMe();
  const [location] = useLocation();
  const roles = me.data?.roles ?? [];
  const inAdmin = location === "/admin" || location.startsWith("/admin/");
  return (
    <AppShell nav={navFor(roles)} subnav={inAdmin && hasRole(roles, "admin") ? ADMIN_NAV : undefined}>
      <ErrorBoundary resetKey={location}>
        <LiffGate>
          <AppRouter />
        </LiffGate>
      </ErrorBoundary>
    </AppShell>
  );
}

export function App() {
  return (
    <AppProvider>
      <Layout />
    </AppProvider>
  );
}
