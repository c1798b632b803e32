import { useEffect, useRef, useState } from "react";

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/**
 * A line or bar chart drawn by Chartist (loaded on first use, as on the survey results screen). The chart
 * is hidden from screen readers: `summary` says what it shows, and the daily table below carries every
 * number (decision 022).
 */
export function KpiChart({
  kind,
  labels,
  series,
  summary,
  percent = false,
}: {
  kind: "line" | "bar";
  labels: string[];
  series: ChartSeries[];
  summary: string;
  percent?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify([kind, labels, series, percent]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the data (key) changes
  useEffect(() => {
    let chart: { detach: () => void } | undefined;
    let cancelled = false;
    Promise.all([import("chartist"), import("chartist/dist/index.css")])
      .then(([chartist]) => {
        if (cancelled || !host.current) return;
        // Every nth label only, so a 90-day axis stays readable on a phone.
        const step = Math.max(1, Math.ceil(labels.length / 7));
        const axisX = { labelInterpolationFnc: (value: unknown, index: number) => (index % step === 0 ? String(value).slice(5) : "") };
        const axisY = percent
          ? { labelInterpolationFnc: (value: unknown) => `${Math.round(Number(value) * 1000) / 10}%`, offset: 44 }
          : { onlyInteger: true, offset: 36 };
        const data = { labels, series: series.map((s) => ({ name: s.name, data: s.values })) };
        chart =
          kind === "line"
            ? new chartist.LineChart(host.current, data, {
                axisX,
                axisY,
                height: "200px",
                low: 0,
                showPoint: labels.length <= 31,
                fullWidth: true,
              })
            : new chartist.BarChart(host.current, data, { axisX, axisY, height: "200px", low: 0, stackBars: true });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      chart?.detach();
    };
  }, [key]);
  return (
    <figure className="kpi-chart">
      {failed ? null : <div ref={host} className="kpi-chart__plot" aria-hidden="true" />}
      <figcaption className="kpi-chart__summary">{summary}</figcaption>
      {series.length > 1 ? (
        <ul className="kpi-chart__legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.name} className={`kpi-legend kpi-legend--${String.fromCharCode(97 + i)}`}>
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
