import { useLocation } from "wouter";
import { AppShell, type NavItem } from "../components/app-shell.tsx";
import { ErrorBoundary } from "../components/error-boundary.tsx";
import { useMe } from "../features/me/api/get-me.ts";
import { hasRole } from "../lib/roles.ts";
import { LiffGate } from "./liff-gate.tsx";
import { AppProvider } from "./provider.tsx";
import { AppRouter } from "./router.tsx";

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
  if (hasRole(roles, "admin")) items.push({ href: "/admin", ja: "管理", en: "Admin" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/points", ja: "ポイント", en: "Points" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/coupons", ja: "クーポン管理", en: "Coupons admin" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/surveys", ja: "アンケート管理", en: "Surveys admin" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/rich-menus", ja: "リッチメニュー", en: "Rich menus" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/tags", ja: "タグ", en: "Tags" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/segments", ja: "セグメント", en: "Segments" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/broadcasts", ja: "配信", en: "Broadcasts" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/scenarios", ja: "ステップ配信", en: "Scenarios" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/links", ja: "計測リンク", en: "Tracked links" });
  if (hasRole(roles, "admin")) items.push({ href: "/admin/faq", ja: "FAQ・ボット", en: "FAQ & bot" });
  return items;
}

function Layout() {
  // /api/me waits for LIFF by itself (the API client asks for the ID token), so the header can render now.
  const me = useMe();
  const [location] = useLocation();
  return (
    <AppShell nav={navFor(me.data?.roles ?? [])}>
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
