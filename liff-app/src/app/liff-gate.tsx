import { type ReactNode, Suspense, use } from "react";
import { Loading } from "../components/states.tsx";
import { initLiff } from "../lib/liff.ts";

function LiffReady({ children }: { children: ReactNode }) {
  // initLiff() returns the same promise every time, as `use` requires.
  use(initLiff());
  return children;
}

/**
 * Renders the screens only once LIFF is initialised: liff.init() may still move a deep link
 * (`liff.state`) to its path, and the first URL must not be read before it is cleaned. Failures reach the
 * surrounding ErrorBoundary.
 */
export function LiffGate({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="page">
          <Loading ja="LINE に接続しています…" en="Connecting to LINE…" />
        </div>
      }
    >
      <LiffReady>{children}</LiffReady>
    </Suspense>
  );
}
