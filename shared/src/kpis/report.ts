import { z } from "zod";
import { type CsvCell, toCsv } from "../csv/write.ts";

/** `GET /api/admin/kpis?from=&to=` (and `/kpis.csv`): JST calendar days, checked by periodProblem. */
export const KpiQuerySchema = z.object({
  from: z.string().max(10),
  to: z.string().max(10),
});

/** A share as a fraction (0..1), or null when its denominator is 0 (nothing to divide by). */
export type Rate = number | null;

export function rate(numerator: number, denominator: number): Rate {
  return denominator > 0 ? numerator / denominator : null;
}

export interface KpiDay {
  date: string;
  /** Friends following at 00:00 JST of the day. */
  followingAtStart: number;
  follows: number;
  blocks: number;
  /** blocks / followingAtStart */
  blockRate: Rate;
  /** Members linked that day (account-link events). */
  idLinks: number;
  couponsGranted: number;
  couponsRedeemed: number;
  surveysStarted: number;
  /** Of the responses started that day, those submitted (by now). */
  surveysCompleted: number;
  linkClicks: number;
  /** Distinct attributed friends who clicked any tracked link that day. */
  linkClickers: number;
  /** Customer messages whose bot decision was recorded (decision 022). */
  customerMessages: number;
  botAutomated: number;
  botHandovers: number;
}

export type PrecededSource = "broadcast" | "scenario" | "bot" | "staff" | "none";

export interface PrecededBlocksRow {
  source: PrecededSource;
  /** The broadcast or scenario id (null for bot, staff and none). */
  refId: string | null;
  refName: string | null;
  count: number;
}

export interface RfmBucket {
  key: string;
  ja: string;
  en: string;
  count: number;
}

export interface KpiLinkRow {
  id: string;
  name: string;
  code: string;
  clicks: number;
  anonymousClicks: number;
  uniqueClickers: number;
  /** Recipients of broadcasts started in the period whose messages carried the link; null when none did. */
  recipients: number | null;
  /** uniqueClickers / recipients (clickers counted from every source, so it can overstate): null without recipients. */
  ctr: Rate;
}

export interface KpiSurveyRow {
  id: string;
  title: string;
  started: number;
  completed: number;
  rate: Rate;
}

export interface KpiReport {
  from: string;
  to: string;
  generatedAt: number;
  friends: {
    /** Following now. */
    followingNow: number;
    followingAtStart: number;
    followingAtEnd: number;
    follows: number;
    blocks: number;
    /** blocks in the period / following at its start */
    blockRate: Rate;
  };
  precededBlocks: PrecededBlocksRow[];
  idLink: { linked: number; following: number; rate: Rate };
  /** Grants issued in the period, and how many of those have been redeemed (by now). */
  coupons: { granted: number; redeemed: number; rate: Rate; redemptionsInPeriod: number };
  /** Responses started in the period, and how many of those were submitted. */
  surveys: { started: number; completed: number; rate: Rate; perSurvey: KpiSurveyRow[] };
  links: { clicks: number; anonymousClicks: number; uniqueClickers: number; perLink: KpiLinkRow[] };
  bot: {
    /** Customer messages in the period with a recorded decision. */
    recorded: number;
    /** Customer messages in the period from before decisions were recorded (or in standby mode). */
    unrecorded: number;
    answered: number;
    suggested: number;
    smalltalk: number;
    other: number;
    handover: number;
    staff: number;
    /** (answered + suggested + smalltalk + other) / recorded */
    automationRate: Rate;
    /** handover / recorded */
    escalationRate: Rate;
  };
  rfm: { asOf: number; windowDays: number; recency: RfmBucket[]; frequency: RfmBucket[]; monetary: RfmBucket[] };
  days: KpiDay[];
}

const pct = (r: Rate): CsvCell => (r === null ? null : Math.round(r * 10000) / 100);

/** The daily series' columns: header (Japanese / English) and value. */
export const KPI_DAY_COLUMNS: readonly { header: string; value: (d: KpiDay) => CsvCell }[] = [
  { header: "日付 / Date", value: (d) => d.date },
  { header: "友だち数(日初) / Following at start", value: (d) => d.followingAtStart },
  { header: "新規友だち / New follows", value: (d) => d.follows },
  { header: "ブロック / Blocks", value: (d) => d.blocks },
  { header: "ブロック率(%) / Block rate (%)", value: (d) => pct(d.blockRate) },
  { header: "ID連携 / ID links", value: (d) => d.idLinks },
  { header: "クーポン配布 / Coupons granted", value: (d) => d.couponsGranted },
  { header: "クーポン利用 / Coupons redeemed", value: (d) => d.couponsRedeemed },
  { header: "アンケート開始 / Surveys started", value: (d) => d.surveysStarted },
  { header: "アンケート完了 / Surveys completed", value: (d) => d.surveysCompleted },
  { header: "リンククリック / Link clicks", value: (d) => d.linkClicks },
  { header: "クリック人数 / Link clickers", value: (d) => d.linkClickers },
  { header: "顧客メッセージ / Customer messages", value: (d) => d.customerMessages },
  { header: "ボット自動応答 / Bot automated", value: (d) => d.botAutomated },
  { header: "有人対応へ引継ぎ / Handed over", value: (d) => d.botHandovers },
];

export const PRECEDED_LABELS: Record<PrecededSource, { ja: string; en: string }> = {
  broadcast: { ja: "一斉配信", en: "Broadcast" },
  scenario: { ja: "ステップ配信", en: "Scenario step" },
  bot: { ja: "ボット・自動通知", en: "Bot & notices" },
  staff: { ja: "スタッフ", en: "Staff" },
  none: { ja: "送信なし", en: "Nothing sent" },
};

/** The dashboard as CSV: one row per day with the daily series, then the period's summary. */
export function kpiCsv(report: KpiReport): string {
  const rows: CsvCell[][] = [];
  rows.push(KPI_DAY_COLUMNS.map((c) => c.header));
  for (const day of report.days) rows.push(KPI_DAY_COLUMNS.map((c) => c.value(day)));
  rows.push([]);
  rows.push(["集計 / Summary", `${report.from}〜${report.to}`]);
  const f = report.friends;
  const summary: [string, CsvCell][] = [
    ["友だち数(現在) / Following now", f.followingNow],
    ["友だち数(期間開始) / Following at start", f.followingAtStart],
    ["友だち数(期間終了) / Following at end", f.followingAtEnd],
    ["新規友だち / New follows", f.follows],
    ["ブロック / Blocks", f.blocks],
    ["ブロック率(%) / Block rate (%)", pct(f.blockRate)],
    ["ID連携率(%) / ID-link rate (%)", pct(report.idLink.rate)],
    ["クーポン利用率(%) / Coupon redemption rate (%)", pct(report.coupons.rate)],
    ["アンケート回答率(%) / Survey completion rate (%)", pct(report.surveys.rate)],
    ["リンククリック / Link clicks", report.links.clicks],
    ["クリック人数 / Unique clickers", report.links.uniqueClickers],
    ["ボット自動応答率(%) / Bot automation rate (%)", pct(report.bot.automationRate)],
    ["有人引継ぎ率(%) / Escalation rate (%)", pct(report.bot.escalationRate)],
  ];
  for (const [label, value] of summary) rows.push([label, value]);
  rows.push([]);
  rows.push(["ブロック直前のメッセージ / Message before block", "名前 / Name", "件数 / Count"]);
  for (const p of report.precededBlocks) {
    const label = PRECEDED_LABELS[p.source];
    rows.push([`${label.ja} / ${label.en}`, p.refName ?? p.refId, p.count]);
  }
  rows.push([]);
  rows.push(["RFM", "区分 / Bucket", "友だち / Friends"]);
  for (const [name, buckets] of [
    ["R", report.rfm.recency],
    ["F", report.rfm.frequency],
    ["M", report.rfm.monetary],
  ] as const) {
    for (const b of buckets) rows.push([name, `${b.ja} / ${b.en}`, b.count]);
  }
  return toCsv(rows);
}
