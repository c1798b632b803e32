import { lastDays, periodProblem } from "@enishi/shared/kpis/days";
import { type KpiReport, PRECEDED_LABELS, type Rate } from "@enishi/shared/kpis/report";
import { useState } from "react";
import { Link } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ErrorState, QueryStates } from "../../components/states.tsx";
import { KpiChart } from "./kpi-chart.tsx";
import { downloadKpiCsv, type KpiRange, useKpis } from "./kpis-api.ts";
import "./kpis.css";

const PRESETS = [7, 30, 90] as const;

const pct = (r: Rate) => (r === null ? "—" : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
const num = (n: number) => n.toLocaleString("ja-JP");

function Tile({ ja, en, value, detail }: { ja: string; en: string; value: string; detail: string }) {
  return (
    <div className="kpi-tile">
      <dt>
        <Bi ja={ja} en={en} />
      </dt>
      <dd>
        <span className="kpi-tile__value">{value}</span>
        <small className="kpi-tile__detail">{detail}</small>
      </dd>
    </div>
  );
}

/** /admin/kpis — the operators' KPI dashboard: a period of JST days, tiles, charts, CSV (decision 022). */
export default function KpisPage() {
  const [preset, setPreset] = useState<number | "custom">(30);
  const [range, setRange] = useState<KpiRange>(() => lastDays(30, Date.now()));
  const [draft, setDraft] = useState<KpiRange>(range);
  const [csvError, setCsvError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const kpis = useKpis(range);
  const draftProblem = periodProblem(draft.from, draft.to);

  return (
    <div className="page page--wide kpis">
      <PageHeader ja="KPI ダッシュボード" en="KPI dashboard" />
      <fieldset className="kpi-period">
        <legend>
          <Bi ja="期間（日本時間）" en="Period (Japan time)" inline />
        </legend>
        <div className="kpi-period__presets">
          {PRESETS.map((n) => (
            <button
              key={n}
              type="button"
              className={`btn btn--small${preset === n ? " btn--primary" : ""}`}
              aria-pressed={preset === n}
              onClick={() => {
                const next = lastDays(n, Date.now());
                setPreset(n);
                setRange(next);
                setDraft(next);
              }}
            >
              <Bi ja={`過去${n}日`} en={`Last ${n} days`} inline />
            </button>
          ))}
          <button
            type="button"
            className={`btn btn--small${preset === "custom" ? " btn--primary" : ""}`}
            aria-pressed={preset === "custom"}
            onClick={() => setPreset("custom")}
          >
            <Bi ja="期間指定" en="Custom" inline />
          </button>
        </div>
        {preset === "custom" ? (
          <form
            className="kpi-period__custom"
            onSubmit={(e) => {
              e.preventDefault();
              if (!draftProblem) setRange(draft);
            }}
          >
            <label>
              <Bi ja="開始" en="From" inline />
              <input type="date" value={draft.from} max={draft.to} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
            </label>
            <label>
              <Bi ja="終了" en="To" inline />
              <input type="date" value={draft.to} min={draft.from} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
            </label>
            <button type="submit" className="btn btn--small btn--primary" disabled={draftProblem !== null}>
              <Bi ja="表示" en="Show" inline />
            </button>
            {draftProblem ? (
              <p className="field__error" role="alert">
                {draftProblem}
              </p>
            ) : null}
          </form>
        ) : null}
        <p className="kpi-period__actions">
          <span>
            {range.from} 〜 {range.to}
          </span>
          <button
            type="button"
            className="btn btn--small"
            disabled={downloading}
            onClick={() => {
              setCsvError(null);
              setDownloading(true);
              downloadKpiCsv(range)
                .catch(setCsvError)
                .finally(() => setDownloading(false));
            }}
          >
            <Bi ja="CSVダウンロード" en="Download CSV" inline />
          </button>
        </p>
        {csvError ? <ErrorState error={csvError} /> : null}
      </fieldset>
      <QueryStates query={kpis}>{(report) => <Dashboard report={report} />}</QueryStates>
    </div>
  );
}

function Dashboard({ report }: { report: KpiReport }) {
  const labels = report.days.map((d) => d.date);
  const f = report.friends;
  const b = report.bot;
  const peakBlocks = report.days.reduce<KpiReport["days"][number] | null>(
    (best, d) => (best === null || d.blocks > best.blocks ? d : best),
    null,
  );
  return (
    <>
      <dl className="kpi-tiles">
        <Tile ja="友だち数" en="Friends" value={num(f.followingNow)} detail={`期間末 / at end ${num(f.followingAtEnd)}`} />
        <Tile ja="新規友だち" en="New follows" value={num(f.follows)} detail={`期間開始時 / at start ${num(f.followingAtStart)}`} />
        <Tile ja="ブロック" en="Blocks" value={num(f.blocks)} detail={`ブロック率 / block rate ${pct(f.blockRate)}`} />
        <Tile
          ja="ID連携率"
          en="ID-link rate"
          value={pct(report.idLink.rate)}
          detail={`連携 ${num(report.idLink.linked)} / 友だち ${num(report.idLink.following)}（現在 / now）`}
        />
        <Tile
          ja="クーポン利用率"
          en="Coupon redemption"
          value={pct(report.coupons.rate)}
          detail={`期間内配布 ${num(report.coupons.granted)} 枚中 ${num(report.coupons.redeemed)} 枚利用 / of grants issued in the period`}
        />
        <Tile
          ja="アンケート完了率"
          en="Survey completion"
          value={pct(report.surveys.rate)}
          detail={`回答開始 ${num(report.surveys.started)} 件中 ${num(report.surveys.completed)} 件送信 / submitted of started`}
        />
        <Tile
          ja="リンククリック"
          en="Link clicks"
          value={num(report.links.clicks)}
          detail={`クリック人数 / unique clickers ${num(report.links.uniqueClickers)}（匿名 / anonymous ${num(report.links.anonymousClicks)}）`}
        />
        <Tile
          ja="ボット自動応答率"
          en="Bot automation"
          value={pct(b.automationRate)}
          detail={`有人引継ぎ / escalation ${pct(b.escalationRate)}（記録 ${num(b.recorded)} 件 / recorded）`}
        />
      </dl>

      <section className="kpi-section" aria-labelledby="kpi-friends">
        <h2 id="kpi-friends">
          <Bi ja="友だちの増減" en="Follows and blocks" />
        </h2>
        <KpiChart
          kind="bar"
          labels={labels}
          series={[
            { name: "新規友だち / Follows", values: report.days.map((d) => d.follows) },
            { name: "ブロック / Blocks", values: report.days.map((d) => d.blocks) },
          ]}
          summary={`${report.from}〜${report.to}: 新規友だち ${f.follows} 人、ブロック ${f.blocks} 人${peakBlocks && peakBlocks.blocks > 0 ? `（最多 ${peakBlocks.date} ${peakBlocks.blocks} 人）` : ""}。Follows ${f.follows}, blocks ${f.blocks}.`}
        />
        <KpiChart
          kind="line"
          percent
          alert
          labels={labels}
          series={[{ name: "ブロック率 / Block rate", values: report.days.map((d) => d.blockRate) }]}
          summary={`日別ブロック率（その日のブロック ÷ その日の開始時の友だち数）。期間全体 ${pct(f.blockRate)}。Daily block rate: blocks ÷ friends at the day's start; period ${pct(f.blockRate)}.`}
        />
      </section>

      <section className="kpi-section" aria-labelledby="kpi-preceded">
        <h2 id="kpi-preceded">
          <Bi ja="ブロック直前のメッセージ" en="Message before a block" />
        </h2>
        <p className="field__hint">
          期間内にブロックした友だちに、ブロック前に最後に送ったメッセージの種類。 / For friends who blocked in the period: the last message
          the shop sent them before the block.
        </p>
        {report.precededBlocks.length === 0 ? (
          <p>
            <Bi ja="期間内のブロックはありません。" en="No blocks in this period." inline />
          </p>
        ) : (
          <table className="kpi-table">
            <thead>
              <tr>
                <th scope="col">種類 / Source</th>
                <th scope="col">配信 / Message</th>
                <th scope="col" className="num">
                  件数 / Blocks
                </th>
              </tr>
            </thead>
            <tbody>
              {report.precededBlocks.map((row) => {
                const label = PRECEDED_LABELS[row.source];
                const href =
                  row.refId === null
                    ? null
                    : row.source === "broadcast"
                      ? `/admin/broadcasts/${row.refId}`
                      : row.source === "scenario"
                        ? `/admin/scenarios/${row.refId}`
                        : null;
                return (
                  <tr key={`${row.source}:${row.refId ?? ""}`}>
                    <td>
                      {label.ja} / {label.en}
                    </td>
                    <td>{href ? <Link href={href}>{row.refName ?? row.refId}</Link> : "—"}</td>
                    <td className="num">{num(row.count)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="kpi-section" aria-labelledby="kpi-engagement">
        <h2 id="kpi-engagement">
          <Bi ja="反応" en="Engagement" />
        </h2>
        <KpiChart
          kind="bar"
          labels={labels}
          series={[
            { name: "クーポン利用 / Coupons redeemed", values: report.days.map((d) => d.couponsRedeemed) },
            { name: "アンケート完了 / Surveys completed", values: report.days.map((d) => d.surveysCompleted) },
            { name: "リンククリック / Link clicks", values: report.days.map((d) => d.linkClicks) },
          ]}
          summary={`期間内のクーポン利用 ${report.coupons.redemptionsInPeriod} 件、アンケート完了 ${report.surveys.completed} 件、リンククリック ${report.links.clicks} 回。Coupons redeemed ${report.coupons.redemptionsInPeriod}, surveys completed ${report.surveys.completed}, link clicks ${report.links.clicks}.`}
        />
        {report.links.perLink.length > 0 ? (
          <table className="kpi-table">
            <caption>
              計測リンク — CTR はクリック人数 ÷ 期間内に開始した {"{link:…}"}{" "}
              入り一斉配信の受信者数（他経路のクリックも含むため上振れします）。/ CTR = unique attributed clickers ÷ recipients of
              broadcasts started in the period that carried the link (clicks from other places count too, so it can overstate); — where no
              broadcast carried it.
            </caption>
            <thead>
              <tr>
                <th scope="col">リンク / Link</th>
                <th scope="col" className="num">
                  クリック / Clicks
                </th>
                <th scope="col" className="num">
                  人数 / Clickers
                </th>
                <th scope="col" className="num">
                  受信者 / Recipients
                </th>
                <th scope="col" className="num">
                  CTR
                </th>
              </tr>
            </thead>
            <tbody>
              {report.links.perLink.map((l) => (
                <tr key={l.id}>
                  <td>
                    {l.name} <code>{l.code}</code>
                  </td>
                  <td className="num">{num(l.clicks)}</td>
                  <td className="num">{num(l.uniqueClickers)}</td>
                  <td className="num">{l.recipients === null ? "—" : num(l.recipients)}</td>
                  <td className="num">{pct(l.ctr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {report.surveys.perSurvey.length > 0 ? (
          <table className="kpi-table">
            <caption>
              アンケート — 期間内に回答を開始した件数と、そのうち送信された件数 / Surveys: responses started in the period and how many were
              submitted
            </caption>
            <thead>
              <tr>
                <th scope="col">アンケート / Survey</th>
                <th scope="col" className="num">
                  開始 / Started
                </th>
                <th scope="col" className="num">
                  送信 / Submitted
                </th>
                <th scope="col" className="num">
                  完了率 / Rate
                </th>
              </tr>
            </thead>
            <tbody>
              {report.surveys.perSurvey.map((s) => (
                <tr key={s.id}>
                  <td>{s.title}</td>
                  <td className="num">{num(s.started)}</td>
                  <td className="num">{num(s.completed)}</td>
                  <td className="num">{pct(s.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section className="kpi-section" aria-labelledby="kpi-bot">
        <h2 id="kpi-bot">
          <Bi ja="ボット対応" en="Bot" />
        </h2>
        <KpiChart
          stacked
          kind="bar"
          labels={labels}
          series={[
            { name: "自動応答 / Automated", values: report.days.map((d) => d.botAutomated) },
            { name: "有人引継ぎ / Handed over", values: report.days.map((d) => d.botHandovers) },
            {
              name: "スタッフ対応中 / With staff",
              values: report.days.map((d) => d.customerMessages - d.botAutomated - d.botHandovers),
            },
          ]}
          summary={`顧客メッセージ ${b.recorded} 件のうち、回答 ${b.answered}・候補提示 ${b.suggested}・雑談 ${b.smalltalk}・その他 ${b.other}（自動 ${pct(b.automationRate)}）、有人引継ぎ ${b.handover}（${pct(b.escalationRate)}）、スタッフ対応中 ${b.staff}。Of ${b.recorded} customer messages: answered ${b.answered}, choices ${b.suggested}, small talk ${b.smalltalk}, other ${b.other}, handed over ${b.handover}, with staff ${b.staff}.`}
        />
        {b.unrecorded > 0 ? (
          <p className="field__hint">
            判定が記録される前のメッセージ {num(b.unrecorded)} 件は率に含みません。/ {num(b.unrecorded)} messages from before decisions were
            recorded are not in the rates.
          </p>
        ) : null}
      </section>

      <section className="kpi-section" aria-labelledby="kpi-rfm">
        <h2 id="kpi-rfm">
          <Bi ja="RFM分布（現在の友だち）" en="RFM distribution (friends now)" />
        </h2>
        <p className="field__hint">
          購入はポイント台帳の購入金額つきの記録（セグメントと同じ定義）。F・M は直近{report.rfm.windowDays}日。/ Purchases as in segments;
          F and M over the last {report.rfm.windowDays} days.
        </p>
        <div className="kpi-rfm">
          {(
            [
              ["recency", "R 最終購入", "Recency"],
              ["frequency", "F 購入回数", "Frequency"],
              ["monetary", "M 購入金額", "Monetary"],
            ] as const
          ).map(([axis, ja, en]) => (
            <table key={axis} className="kpi-table">
              <caption>
                {ja} / {en}
              </caption>
              <tbody>
                {report.rfm[axis].map((bucket) => (
                  <tr key={bucket.key}>
                    <th scope="row">
                      {bucket.ja} / {bucket.en}
                    </th>
                    <td className="num">{num(bucket.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </section>

      <details className="kpi-section">
        <summary>
          <Bi ja="日別の数値（表）" en="Daily figures (table)" inline />
        </summary>
        <div className="kpi-scroll">
          <table className="kpi-table">
            <thead>
              <tr>
                <th scope="col">日付 / Date</th>
                <th scope="col">友だち / Friends</th>
                <th scope="col">新規 / Follows</th>
                <th scope="col">ブロック / Blocks</th>
                <th scope="col">率 / Rate</th>
                <th scope="col">ID連携 / Links</th>
                <th scope="col">クーポン配布・利用 / Coupons</th>
                <th scope="col">アンケート / Surveys</th>
                <th scope="col">クリック / Clicks</th>
                <th scope="col">メッセージ / Messages</th>
              </tr>
            </thead>
            <tbody>
              {report.days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{d.date}</th>
                  <td className="num">{num(d.followingAtStart)}</td>
                  <td className="num">{num(d.follows)}</td>
                  <td className="num">{num(d.blocks)}</td>
                  <td className="num">{pct(d.blockRate)}</td>
                  <td className="num">{num(d.idLinks)}</td>
                  <td className="num">
                    {num(d.couponsGranted)} / {num(d.couponsRedeemed)}
                  </td>
                  <td className="num">
                    {num(d.surveysStarted)} / {num(d.surveysCompleted)}
                  </td>
                  <td className="num">
                    {num(d.linkClicks)}（{num(d.linkClickers)}人）
                  </td>
                  <td className="num">
                    {num(d.customerMessages)}（自動 {num(d.botAutomated)}）
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
