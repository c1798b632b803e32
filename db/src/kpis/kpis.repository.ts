import { DAY_MS, type KpiPeriod } from "@enishi/shared/kpis/days";
import type { PrecededSource } from "@enishi/shared/kpis/report";
import type { RfmCounts } from "@enishi/shared/kpis/rfm";
import { CompiledQuery, type Kysely, sql } from "kysely";
import type { Database } from "../database.ts";
import { rfmThresholdQuery } from "./rfm.query.ts";

// Every KPI is one aggregate statement over an indexed time range (migration 0013): rows come back per
// day or per group, never per friend. `day` is the JST day index from the period's first midnight (JST has
// no daylight saving, so days are exactly 24 h); CAST keeps it an integer whatever the binding's type.

const dayOf = (column: string, start: number) => sql<number>`CAST((${sql.ref(column)} - ${start}) / ${DAY_MS} AS INTEGER)`;

export interface DayCount {
  day: number;
  n: number;
}

export async function countFollowingNow(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("friends")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "following")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Follows and blocks from the period's start until now, per type and day; events after the period's end
 * come back as day -1 (they are needed to walk today's count back to the period's start).
 */
export async function friendEventsSince(
  db: Kysely<Database>,
  period: KpiPeriod,
): Promise<{ type: "follow" | "unfollow"; day: number; n: number }[]> {
  const result = await sql<{ type: "follow" | "unfollow"; day: number; n: number }>`
    SELECT type, CASE WHEN at < ${period.end} THEN CAST((at - ${period.start}) / ${DAY_MS} AS INTEGER) ELSE -1 END AS day, COUNT(*) AS n
    FROM friend_events WHERE type IN ('follow', 'unfollow') AND at >= ${period.start}
    GROUP BY type, day`.execute(db);
  return result.rows;
}

export async function idLinksPerDay(db: Kysely<Database>, period: KpiPeriod): Promise<DayCount[]> {
  return db
    .selectFrom("member_link_events")
    .select([dayOf("created_at", period.start).as("day"), (eb) => eb.fn.countAll<number>().as("n")])
    .where("action", "=", "link")
    .where("created_at", ">=", period.start)
    .where("created_at", "<", period.end)
    .groupBy("day")
    .execute();
}

/**
 * Following friends with a linked shop membership (members.line_user_id is the link, decision 014). From
 * the members' side (CROSS JOIN fixes the order): the planner otherwise walked all following friends by
 * the status index and probed members for each — 3 s over a million friends (test/bench/kpis.ts).
 */
export async function countLinkedFollowing(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT COUNT(*) AS n FROM members m CROSS JOIN friends f
    WHERE m.line_user_id IS NOT NULL AND f.line_user_id = m.line_user_id AND f.status = 'following'`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export async function couponGrantsPerDay(
  db: Kysely<Database>,
  period: KpiPeriod,
): Promise<{ day: number; granted: number; redeemed: number }[]> {
  const result = await sql<{ day: number; granted: number; redeemed: number }>`
    SELECT CAST((granted_at - ${period.start}) / ${DAY_MS} AS INTEGER) AS day, COUNT(*) AS granted,
      COALESCE(SUM(CASE WHEN redeemed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS redeemed
    FROM coupon_grants WHERE granted_at >= ${period.start} AND granted_at < ${period.end}
    GROUP BY day`.execute(db);
  return result.rows;
}

export async function couponRedemptionsPerDay(db: Kysely<Database>, period: KpiPeriod): Promise<DayCount[]> {
  const result = await sql<DayCount>`
    SELECT CAST((redeemed_at - ${period.start}) / ${DAY_MS} AS INTEGER) AS day, COUNT(*) AS n
    FROM coupon_grants WHERE redeemed_at IS NOT NULL AND redeemed_at >= ${period.start} AND redeemed_at < ${period.end}
    GROUP BY day`.execute(db);
  return result.rows;
}

export async function surveyResponsesPerDay(
  db: Kysely<Database>,
  period: KpiPeriod,
): Promise<{ day: number; started: number; completed: number }[]> {
  const result = await sql<{ day: number; started: number; completed: number }>`
    SELECT CAST((started_at - ${period.start}) / ${DAY_MS} AS INTEGER) AS day, COUNT(*) AS started,
      COALESCE(SUM(CASE WHEN status = 'submitted' THEN 1 ELSE 0 END), 0) AS completed
    FROM survey_responses WHERE started_at >= ${period.start} AND started_at < ${period.end}
    GROUP BY day`.execute(db);
  return result.rows;
}

export async function surveyResponsesPerSurvey(
  db: Kysely<Database>,
  period: KpiPeriod,
): Promise<{ id: string; title: string; started: number; completed: number }[]> {
  const result = await sql<{ id: string; title: string; started: number; completed: number }>`
    SELECT r.survey_id AS id, s.title AS title, r.started AS started, r.completed AS completed FROM (
      SELECT survey_id, COUNT(*) AS started, COALESCE(SUM(CASE WHEN status = 'submitted' THEN 1 ELSE 0 END), 0) AS completed
      FROM survey_responses WHERE started_at >= ${period.start} AND started_at < ${period.end}
      GROUP BY survey_id
    ) r JOIN surveys s ON s.id = r.survey_id
    ORDER BY r.started DESC, s.title LIMIT 100`.execute(db);
  return result.rows;
}

export async function linkClicksPerDay(
  db: Kysely<Database>,
  period: KpiPeriod,
): Promise<{ day: number; clicks: number; clickers: number }[]> {
  const result = await sql<{ day: number; clicks: number; clickers: number }>`
    SELECT CAST((clicked_at - ${period.start}) / ${DAY_MS} AS INTEGER) AS day, COUNT(*) AS clicks, COUNT(DISTINCT line_user_id) AS clickers
    FROM link_clicks WHERE clicked_at >= ${period.start} AND clicked_at < ${period.end}
    GROUP BY day`.execute(db);
  return result.rows;
}

export async function linkClickTotals(
  db: Kysely<Database>,
  period: KpiPeriod,
): Promise<{ clicks: number; anonymous: number; clickers: number }> {
  const result = await sql<{ clicks: number; anonymous: number; clickers: number }>`
    SELECT COUNT(*) AS clicks, COALESCE(SUM(CASE WHEN line_user_id IS NULL THEN 1 ELSE 0 END), 0) AS anonymous,
      COUNT(DISTINCT line_user_id) AS clickers
    FROM link_clicks WHERE clicked_at >= ${period.start} AND clicked_at < ${period.end}`.execute(db);
  const row = result.rows[0];
  return { clicks: Number(row?.clicks ?? 0), anonymous: Number(row?.anonymous ?? 0), clickers: Number(row?.clickers ?? 0) };
}

export interface LinkKpiRow {
  id: string;
  name: string;
  code: string;
  clicks: number;
  anonymous: number;
  clickers: number;
  recipients: number | null;
}

/**
 * Per tracked link: clicks in the period, and the recipients of broadcasts started in the period whose
 * messages carry the link as `{link:CODE}` (decision 020) — summed from the batch rows, never per friend.
 */
export async function linkKpis(db: Kysely<Database>, period: KpiPeriod): Promise<LinkKpiRow[]> {
  const result = await sql<LinkKpiRow>`
    SELECT tl.id AS id, tl.name AS name, tl.code AS code,
      COALESCE(c.clicks, 0) AS clicks, COALESCE(c.anonymous, 0) AS anonymous, COALESCE(c.clickers, 0) AS clickers,
      (SELECT SUM(bb.sent_count) FROM broadcasts b JOIN broadcast_batches bb ON bb.broadcast_id = b.id
        WHERE b.started_at >= ${period.start} AND b.started_at < ${period.end}
          AND instr(b.messages, '{link:' || tl.code || '}') > 0) AS recipients
    FROM tracked_links tl LEFT JOIN (
      SELECT link_id, COUNT(*) AS clicks, SUM(CASE WHEN line_user_id IS NULL THEN 1 ELSE 0 END) AS anonymous,
        COUNT(DISTINCT line_user_id) AS clickers
      FROM link_clicks WHERE clicked_at >= ${period.start} AND clicked_at < ${period.end}
      GROUP BY link_id
    ) c ON c.link_id = tl.id
    ORDER BY clicks DESC, tl.created_at DESC LIMIT 100`.execute(db);
  return result.rows;
}

export async function botActionsPerDay(
  db: Kysely<Database>,
  period: KpiPeriod,
): Promise<{ day: number; action: string | null; n: number }[]> {
  const result = await sql<{ day: number; action: string | null; n: number }>`
    SELECT CAST((created_at - ${period.start}) / ${DAY_MS} AS INTEGER) AS day, bot_action AS action, COUNT(*) AS n
    FROM messages WHERE direction = 'in' AND created_at >= ${period.start} AND created_at < ${period.end}
    GROUP BY day, bot_action`.execute(db);
  return result.rows;
}

export interface PrecededRow {
  source: PrecededSource;
  ref_id: string | null;
  ref_name: string | null;
  n: number;
}

/**
 * For every block in the period, the last message the shop sent that friend before it, grouped by source.
 * Candidates per block: the newest sent timeline row (bot, staff, scenario step — a scenario's rows carry
 * the key `scn:<enrolment>:…`), and the newest broadcast batch that held the friend. Broadcasts are not in
 * the timeline (decision 017); a batch covers the user-ID range ending at its last recipient, so the one
 * batch that can hold a friend is found through (broadcast_id, last_recipient) and its JSON list checked.
 * Work is per block, through indexes — never per friend of the account. CROSS JOIN fixes that order
 * (block → broadcast → its one batch): left to the planner, SQLite scanned every batch and probed every
 * block for each (24 s for 30 days over a million friends, test/bench/kpis.ts). `instr` skips the JSON
 * parse of a batch whose text cannot hold the ID (LINE user IDs need no JSON escaping); json_each decides.
 */
export async function precededBlocks(db: Kysely<Database>, period: KpiPeriod): Promise<PrecededRow[]> {
  const result = await sql<PrecededRow>`
    WITH blocked AS (
      SELECT line_user_id AS uid, at FROM friend_events
      WHERE type = 'unfollow' AND at >= ${period.start} AND at < ${period.end}
    ),
    tl AS (
      SELECT b.uid, b.at, m.sender, m.outbound_key, m.created_at AS sent_at
      FROM blocked b LEFT JOIN messages m ON m.id = (
        SELECT mm.id FROM messages mm
        WHERE mm.line_user_id = b.uid AND mm.direction = 'out' AND mm.delivery = 'sent' AND mm.created_at <= b.at
        ORDER BY mm.created_at DESC, mm.id DESC LIMIT 1)
    ),
    holder AS (
      SELECT b.uid, b.at, br.id AS broadcast_id,
        (SELECT MIN(x.last_recipient) FROM broadcast_batches x WHERE x.broadcast_id = br.id AND x.last_recipient >= b.uid) AS last_recipient
      FROM blocked b CROSS JOIN broadcasts br
      WHERE br.started_at IS NOT NULL AND br.started_at <= b.at
    ),
    bc AS (
      SELECT h.uid, h.at, bb.broadcast_id, bb.completed_at,
        ROW_NUMBER() OVER (PARTITION BY h.uid, h.at ORDER BY bb.completed_at DESC) AS rn
      FROM holder h CROSS JOIN broadcast_batches bb
      WHERE bb.broadcast_id = h.broadcast_id AND bb.last_recipient = h.last_recipient
        AND bb.status = 'sent' AND bb.completed_at <= h.at
        AND instr(bb.recipients, '"' || h.uid || '"') > 0
        AND EXISTS (SELECT 1 FROM json_each(bb.recipients) j WHERE j.value = h.uid)
    ),
    pick AS (
      SELECT
        CASE
          WHEN bc.broadcast_id IS NOT NULL AND (tl.sent_at IS NULL OR bc.completed_at >= tl.sent_at) THEN 'broadcast'
          WHEN tl.sender IS NULL THEN 'none'
          WHEN tl.sender = 'staff' THEN 'staff'
          WHEN tl.outbound_key LIKE 'scn:%' THEN 'scenario'
          ELSE 'bot'
        END AS source,
        bc.broadcast_id AS broadcast_id,
        CASE WHEN tl.outbound_key LIKE 'scn:%'
          THEN CAST(substr(tl.outbound_key, 5, instr(substr(tl.outbound_key, 5), ':') - 1) AS INTEGER) END AS enrolment_id
      FROM tl LEFT JOIN bc ON bc.uid = tl.uid AND bc.at = tl.at AND bc.rn = 1
    ),
    refs AS (
      SELECT p.source,
        CASE p.source WHEN 'broadcast' THEN p.broadcast_id WHEN 'scenario' THEN se.scenario_id END AS ref_id
      FROM pick p LEFT JOIN scenario_enrolments se ON p.source = 'scenario' AND se.id = p.enrolment_id
    )
    SELECT r.source AS source, r.ref_id AS ref_id,
      CASE r.source WHEN 'broadcast' THEN (SELECT name FROM broadcasts WHERE id = r.ref_id)
        WHEN 'scenario' THEN (SELECT name FROM scenarios WHERE id = r.ref_id) END AS ref_name,
      COUNT(*) AS n
    FROM refs r GROUP BY r.source, r.ref_id ORDER BY n DESC, r.source, r.ref_id LIMIT 200`.execute(db);
  return result.rows;
}

/**
 * The RFM thresholds over following friends (shared/src/kpis/rfm.ts, the segments' purchase conditions),
 * counted in one pass over the purchases rather than per following friend (rfm.query.ts).
 */
export async function rfmCounts(db: Kysely<Database>, now: number): Promise<RfmCounts> {
  const query = rfmThresholdQuery(now);
  const result = await db.executeQuery<Record<string, number | null>>(CompiledQuery.raw(query.sql, query.params));
  const row = result.rows[0] ?? {};
  const n = (k: string) => Number(row[k] ?? 0);
  return {
    following: n("following"),
    within30: n("within30"),
    within90: n("within90"),
    within365: n("within365"),
    ever: n("ever"),
    count2: n("count2"),
    count5: n("count5"),
    amount1: n("amount1"),
    amount10k: n("amount10k"),
    amount50k: n("amount50k"),
  };
}
