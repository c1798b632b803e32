/**
 * The member card is its own chunk (with the QR encoder), yet most visits land straight on it from the rich
 * menu. Started at boot when the first URL is the card, its download runs beside LIFF's init instead of
 * after it, and so does the card's data (sent the moment there is an ID token, not after the first render).
 * LIFF deep links arrive as `/?liff.state=/card` until liff.init() moves them.
 */
import { prefetchCard } from "./api/get-card.ts";

export const loadMemberCardPage = () => import("./member-card-page.tsx");

export function preloadMemberCardIfLanding(): void {
  const url = new URL(window.location.href);
  const target = url.pathname === "/" ? (url.searchParams.get("liff.state") ?? "/") : url.pathname;
  if (!target.startsWith("/card")) return;
  void loadMemberCardPage();
  prefetchCard();
}
