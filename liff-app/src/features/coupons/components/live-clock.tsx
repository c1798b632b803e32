import { useEffect, useState } from "react";

const clock = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/**
 * A ticking clock and a moving stripe: the clerk can tell a live screen from a screenshot at a glance.
 * (The copy itself can be used once whatever is shown; this just spares the clerk a refused scan.)
 */
export function LiveClock() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="live-clock" aria-hidden="true">
      <span className="live-clock__stripe" />
      <span className="live-clock__time">{clock.format(now)}</span>
    </div>
  );
}
