import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { initLiff } from "./lib/liff.ts";

// Start LIFF before React renders anything: init (and, in LINE, the login) runs in parallel with the
// first render. Its failure is shown by the app (LiffGate), so it is only silenced here.
initLiff().catch(() => {});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
