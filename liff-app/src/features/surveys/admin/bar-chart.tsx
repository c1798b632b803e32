import { useEffect, useRef, useState } from "react";

/**
 * A bar chart drawn by Chartist (SVG, ~10 kB gzip), imported on first use so only the results screen of
 * the admin console ever downloads it. The table beside each chart carries the same numbers for screen
 * readers; the chart itself is decorative to them.
 */
export function BarChart({ labels, values, horizontal = false }: { labels: string[]; values: number[]; horizontal?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify([labels, values, horizontal]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the data (key) changes
  useEffect(() => {
    let chart: { detach: () => void } | undefined;
    let cancelled = false;
    Promise.all([import("chartist"), import("chartist/dist/index.css")])
      .then(([{ BarChart: Chart }]) => {
        if (cancelled || !host.current) return;
        chart = new Chart(
          host.current,
          { labels, series: [values] },
          {
            horizontalBars: horizontal,
            reverseData: horizontal,
            axisX: { onlyInteger: true },
            axisY: { onlyInteger: true, offset: horizontal ? 110 : 30 },
            height: horizontal ? `${Math.max(140, labels.length * 36)}px` : "200px",
          },
        );
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      chart?.detach();
    };
  }, [key]);
  if (failed) return null;
  return <div ref={host} className="result-chart" aria-hidden="true" />;
}
