import { useEffect, useRef, useState } from "react";

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/**
 * A line or bar chart drawn by Chartist (loaded on first use, as on the survey results screen). The chart
 * is hidden from screen readers: `summary` says what it shows, and the daily table below carries every
 * number (decision 022). Daily counts are bars (side by side, or `stacked` when the series are parts of
 * one whole); lines join the days straight — a smoothed curve would draw values no day had. A period with
 * nothing to draw says so instead of showing empty axes.
 */
export function KpiChart({
  kind,
  labels,
  series,
  summary,
  percent = false,
  stacked = false,
  alert = false,
}: {
  kind: "line" | "bar";
  labels: string[];
  series: ChartSeries[];
  summary: string;
  percent?: boolean;
  stacked?: boolean;
  /** a figure that is bad when high (block rate): its one series in red, not green */
  alert?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify([kind, labels, series, percent, stacked]);
  const empty = series.every((s) => s.values.every((v) => !v));
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the data (key) changes
  useEffect(() => {
    let chart: { detach: () => void } | undefined;
    let cancelled = false;
    if (empty) return;
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
                lineSmooth: false,
                fullWidth: true,
              })
            : new chartist.BarChart(host.current, data, { axisX, axisY, height: "200px", low: 0, stackBars: stacked });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      chart?.detach();
    };
  }, [key]);
  return (
    <figure className={alert ? "kpi-chart kpi-chart--alert" : "kpi-chart"}>
      {empty ? (
        <p className="kpi-chart__empty">この期間のデータはありません / Nothing in this period</p>
      ) : failed ? null : (
        <div ref={host} className="kpi-chart__plot" aria-hidden="true" />
      )}
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
