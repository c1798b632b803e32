import {
  botActionsPerDay,
  countFollowingNow,
  countLinkedFollowing,
  couponGrantsPerDay,
  couponRedemptionsPerDay,
  friendEventsSince,
  idLinksPerDay,
  linkClicksPerDay,
  linkClickTotals,
  linkKpis,
  precededBlocks,
  rfmCounts,
  surveyResponsesPerDay,
  surveyResponsesPerSurvey,
} from "@enishi/db";
import type { KpiPeriod } from "@enishi/shared/kpis/days";
import { type KpiDay, type KpiReport, rate } from "@enishi/shared/kpis/report";
import { RFM_WINDOW_DAYS, rfmBuckets } from "@enishi/shared/kpis/rfm";
import type { Deps } from "../../deps.ts";

const AUTOMATED = new Set(["answered", "suggested", "smalltalk", "other"]);

/**
 * The KPI dashboard for one period of JST days: every figure is an aggregate statement (db/src/kpis), the
 * Worker only lays the per-day rows onto the calendar and divides. Decision 022.
 */
export async function kpiReport(deps: Deps, period: KpiPeriod, now: number): Promise<KpiReport> {
  const db = deps.db;
  const [
    followingNow,
    friendEvents,
    links,
    linked,
    grants,
    redemptions,
    surveyDays,
    perSurvey,
    clickDays,
    clickTotals,
    perLink,
    bot,
    preceded,
    rfm,
  ] = await Promise.all([
    countFollowingNow(db),
    friendEventsSince(db, period),
    idLinksPerDay(db, period),
    countLinkedFollowing(db),
    couponGrantsPerDay(db, period),
    couponRedemptionsPerDay(db, period),
    surveyResponsesPerDay(db, period),
    surveyResponsesPerSurvey(db, period),
    linkClicksPerDay(db, period),
    linkClickTotals(db, period),
    linkKpis(db, period),
    botActionsPerDay(db, period),
    precededBlocks(db, period),
    // RFM is today's distribution: the segment conditions it is built from measure from now.
    rfmCounts(db, now),
  ]);

  const days: KpiDay[] = period.days.map((date) => ({
    date,
    followingAtStart: 0,
    follows: 0,
    blocks: 0,
    blockRate: null,
    idLinks: 0,
    couponsGranted: 0,
    couponsRedeemed: 0,
    surveysStarted: 0,
    surveysCompleted: 0,
    linkClicks: 0,
    linkClickers: 0,
    customerMessages: 0,
    botAutomated: 0,
    botHandovers: 0,
  }));
  const at = (day: number): KpiDay | undefined => (day >= 0 ? days[day] : undefined);

  // Following at the period's start: today's count with every follow and block since walked back.
  let followsSince = 0;
  let blocksSince = 0;
  for (const row of friendEvents) {
    const n = Number(row.n);
    if (row.type === "follow") followsSince += n;
    else blocksSince += n;
    const day = at(Number(row.day));
    if (day && row.type === "follow") day.follows += n;
    if (day && row.type === "unfollow") day.blocks += n;
  }
  const followingAtStart = Math.max(0, followingNow - followsSince + blocksSince);
  let running = followingAtStart;
  for (const day of days) {
    day.followingAtStart = running;
    day.blockRate = rate(day.blocks, running);
    running += day.follows - day.blocks;
  }
  const follows = days.reduce((s, d) => s + d.follows, 0);
  const blocks = days.reduce((s, d) => s + d.blocks, 0);

  for (const row of links) {
    const day = at(Number(row.day));
    if (day) day.idLinks += Number(row.n);
  }
  let granted = 0;
  let grantedRedeemed = 0;
  for (const row of grants) {
    granted += Number(row.granted);
    grantedRedeemed += Number(row.redeemed);
    const day = at(Number(row.day));
    if (day) day.couponsGranted += Number(row.granted);
  }
  let redemptionsInPeriod = 0;
  for (const row of redemptions) {
    redemptionsInPeriod += Number(row.n);
    const day = at(Number(row.day));
    if (day) day.couponsRedeemed += Number(row.n);
  }
  let started = 0;
  let completed = 0;
  for (const row of surveyDays) {
    started += Number(row.started);
    completed += Number(row.completed);
    const day = at(Number(row.day));
    if (day) {
      day.surveysStarted += Number(row.started);
      day.surveysCompleted += Number(row.completed);
    }
  }
  for (const row of clickDays) {
    const day = at(Number(row.day));
    if (day) {
      day.linkClicks += Number(row.clicks);
      day.linkClickers += Number(row.clickers);
    }
  }
  const actions: Record<string, number> = {};
  let unrecorded = 0;
  for (const row of bot) {
    const n = Number(row.n);
    if (row.action === null) {
      unrecorded += n;
      continue;
    }
    actions[row.action] = (actions[row.action] ?? 0) + n;
    const day = at(Number(row.day));
    if (!day) continue;
    day.customerMessages += n;
    if (AUTOMATED.has(row.action)) day.botAutomated += n;
    if (row.action === "handover") day.botHandovers += n;
  }
  const count = (a: string) => actions[a] ?? 0;
  const recorded = Object.values(actions).reduce((s, n) => s + n, 0);
  const automated = count("answered") + count("suggested") + count("smalltalk") + count("other");

  return {
    from: period.from,
    to: period.to,
    generatedAt: now,
    friends: { followingNow, followingAtStart, followingAtEnd: running, follows, blocks, blockRate: rate(blocks, followingAtStart) },
    precededBlocks: preceded.map((p) => ({ source: p.source, refId: p.ref_id, refName: p.ref_name, count: Number(p.n) })),
    idLink: { linked, following: followingNow, rate: rate(linked, followingNow) },
    coupons: { granted, redeemed: grantedRedeemed, rate: rate(grantedRedeemed, granted), redemptionsInPeriod },
    surveys: {
      started,
      completed,
      rate: rate(completed, started),
      perSurvey: perSurvey.map((s) => ({
        id: s.id,
        title: s.title,
        started: Number(s.started),
        completed: Number(s.completed),
        rate: rate(Number(s.completed), Number(s.started)),
      })),
    },
    links: {
      clicks: clickTotals.clicks,
      anonymousClicks: clickTotals.anonymous,
      uniqueClickers: clickTotals.clickers,
      perLink: perLink.map((l) => {
        const recipients = l.recipients === null ? null : Number(l.recipients);
        return {
          id: l.id,
          name: l.name,
          code: l.code,
          clicks: Number(l.clicks),
          anonymousClicks: Number(l.anonymous),
          uniqueClickers: Number(l.clickers),
          recipients,
          ctr: recipients === null ? null : rate(Number(l.clickers), recipients),
        };
      }),
    },
    bot: {
      recorded,
      unrecorded,
      answered: count("answered"),
      suggested: count("suggested"),
      smalltalk: count("smalltalk"),
      other: count("other"),
      handover: count("handover"),
      staff: count("staff"),
      automationRate: rate(automated, recorded),
      escalationRate: rate(count("handover"), recorded),
    },
    rfm: { asOf: now, windowDays: RFM_WINDOW_DAYS, ...rfmBuckets(rfm) },
    days,
  };
}
