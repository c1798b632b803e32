import { useEffect } from "react";
import { Loading } from "../components/states.tsx";

/**
 * Staff and admin screens are the console build (React, dist/console/), which the Worker serves for /staff
 * and /admin. The customer build (preact/compat, the one LINE opens at `/`) therefore hands those paths over
 * with a full page load — a nav link, or a LIFF deep link that `liff.init()` moved there (decision 021).
 * The Vite dev server serves one build for every path, so it renders them in place instead.
 */
export const HANDS_OVER_CONSOLE = import.meta.env.LIFF_PART === "customer" && !import.meta.env.DEV;

export function isConsolePath(path: string): boolean {
  return /^\/(staff|admin)(\/|$)/.test(path);
}

export function ConsoleHandoff() {
  useEffect(() => {
    window.location.reload();
  }, []);
  return (
    <div className="page">
      <Loading ja="スタッフ画面を開いています…" en="Opening the staff console…" />
    </div>
  );
}
