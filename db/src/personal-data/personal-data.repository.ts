import { type CompiledQuery, type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../database.ts";
import type { MemberRow } from "../members/members.table.ts";

/**
 * Reads and erases everything Enishi holds about one LINE user (decision 023; the per-column decisions are in
 * personal-data.columns.ts). Plain SQL on purpose: the export is a dump of rows, and the erase is one list of
 * statements run as one D1 batch.
 */

/** The person: their LINE user id and every membership that is theirs (linked, LINE-only, or merged into one). */
export interface PersonalDataSubject {
  lineUserId: string;
  members: readonly MemberRow[];
}

export async function findSubjectMembers(db: Kysely<Database>, lineUserId: string): Promise<MemberRow[]> {
  const direct = await db
    .selectFrom("members")
    .selectAll()
    .where((eb) => eb.or([eb("line_user_id", "=", lineUserId), eb("line_only_user_id", "=", lineUserId)]))
    .execute();
  if (direct.length === 0) return [];
  // A LINE-only membership folded into the linked one keeps its points history but loses its owner.
  const merged = await db
    .selectFrom("members")
    .selectAll()
    .where(
      "merged_into_id",
      "in",
      direct.map((m) => m.id),
    )
    .execute();
  const byId = new Map([...direct, ...merged].map((m) => [m.id, m]));
  return [...byId.values()];
}

/** Tables that exist right now: a statement on a table another migration has not created yet is left out. */
export async function existingTables(db: Kysely<Database>): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db);
  return new Set(rows.map((r) => r.name));
}

type Row = Record<string, unknown>;

function inList(values: readonly string[]): RawBuilder<unknown> {
  // An empty IN () is a syntax error; a list with one impossible value matches nothing.
  return sql.join((values.length > 0 ? values : ["\u0000"]).map((v) => sql`${v}`));
}

/** Every row that names the person, table by table (see PERSONAL_DATA_COLUMNS for the columns). */
export async function readPersonalDataRows(
  db: Kysely<Database>,
  subject: PersonalDataSubject,
  tables: ReadonlySet<string>,
): Promise<Record<string, Row[]>> {
  const u = subject.lineUserId;
  const memberIds = inList(subject.members.map((m) => m.id));
  const numbers = inList(subject.members.map((m) => m.member_number));
  const queries: Record<string, RawBuilder<Row>> = {
    friends: sql`SELECT * FROM friends WHERE line_user_id = ${u}`,
    members: sql`SELECT * FROM members WHERE id IN (${memberIds})`,
    member_link_events: sql`SELECT e.*, m.member_number FROM member_link_events e LEFT JOIN members m ON m.id = e.member_id
      WHERE e.line_user_id = ${u} OR e.member_id IN (${memberIds}) ORDER BY e.id`,
    link_attempts: sql`SELECT scope, attempted_at FROM link_attempts
      WHERE (scope = 'friend' AND subject = ${u}) OR (scope = 'member' AND subject IN (${numbers})) ORDER BY id`,
    // The nonce itself is a spent secret: its times are what concerns the person.
    link_nonces: sql`SELECT member_id, created_at, expires_at, used_at FROM link_nonces
      WHERE member_id IN (${memberIds}) OR used_by_user_id = ${u} ORDER BY created_at`,
    shop_accounts: sql`SELECT id, login_id, member_id, created_at FROM shop_accounts WHERE member_id IN (${memberIds})`,
    friend_tags: sql`SELECT t.name AS tag, ft.source, ft.created_at FROM friend_tags ft JOIN tags t ON t.id = ft.tag_id
      WHERE ft.line_user_id = ${u} ORDER BY ft.created_at`,
    tag_events: sql`SELECT t.name AS tag, e.action, e.source, e.source_ref, e.created_at FROM tag_events e
      JOIN tags t ON t.id = e.tag_id WHERE e.line_user_id = ${u} ORDER BY e.id`,
    messages: sql`SELECT id, direction, sender, kind, text, payload, delivery, method, staff_user_id, created_at, sent_at
      FROM messages WHERE line_user_id = ${u} ORDER BY created_at, id`,
    coupon_grants: sql`SELECT g.id, g.coupon_id, c.title AS coupon_title, g.seq, g.code, g.source, g.granted_at, g.expires_at,
      g.redeemed_at, g.redeem_channel, g.redeem_store_id FROM coupon_grants g JOIN coupons c ON c.id = g.coupon_id
      WHERE g.line_user_id = ${u} ORDER BY g.granted_at`,
    coupon_draws: sql`SELECT d.coupon_id, c.title AS coupon_title, d.won, d.drawn_at FROM coupon_draws d
      JOIN coupons c ON c.id = d.coupon_id WHERE d.line_user_id = ${u}`,
    survey_responses: sql`SELECT r.id, r.survey_id, s.title AS survey_title, r.seq, r.status, r.answers, r.current_question,
      r.started_at, r.updated_at, r.submitted_at FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
      WHERE r.line_user_id = ${u} ORDER BY r.started_at`,
    survey_answers: sql`SELECT response_id, survey_id, question_id, value, created_at FROM survey_answers
      WHERE line_user_id = ${u} ORDER BY created_at`,
    survey_rewards: sql`SELECT survey_id, reward_key, response_id, kind, coupon_id, points, status, created_at, done_at
      FROM survey_rewards WHERE line_user_id = ${u}`,
    point_ledger: sql`SELECT id, member_id, kind, points, source, source_ref, reason, purchase_amount, store_id, expires_at,
      created_at FROM point_ledger WHERE member_id IN (${memberIds}) ORDER BY created_at, id`,
    card_scans: sql`SELECT member_id, store_id, created_at FROM card_scans WHERE member_id IN (${memberIds}) ORDER BY created_at`,
    link_clicks: sql`SELECT c.link_id, l.name AS link_name, l.destination, c.clicked_at FROM link_clicks c
      LEFT JOIN tracked_links l ON l.id = c.link_id WHERE c.line_user_id = ${u} ORDER BY c.clicked_at`,
    scenario_enrolments: sql`SELECT e.id, e.scenario_id, s.name AS scenario_name, e.status, e.round, e.step_index, e.anchor_at,
      e.next_run_at, e.exit_reason, e.context, e.enrolled_at, e.ended_at FROM scenario_enrolments e
      JOIN scenarios s ON s.id = e.scenario_id WHERE e.line_user_id = ${u} ORDER BY e.id`,
    scenario_step_runs: sql`SELECT r.enrolment_id, r.round, r.step_index, r.step_id, r.outcome, r.detail, r.ran_at
      FROM scenario_step_runs r JOIN scenario_enrolments e ON e.id = r.enrolment_id WHERE e.line_user_id = ${u} ORDER BY r.id`,
    conversations: sql`SELECT state, assignee_name, reason, waiting_since, last_activity_at, faq_question, updated_at
      FROM conversations WHERE line_user_id = ${u}`,
    takeover_events: sql`SELECT type, reason, actor_name, assignee_name, created_at FROM takeover_events
      WHERE line_user_id = ${u} ORDER BY id`,
    conversation_notes: sql`SELECT author_name, body, created_at FROM conversation_notes WHERE line_user_id = ${u} ORDER BY id`,
    faq_alternates: sql`SELECT question, status, created_at FROM faq_alternates WHERE line_user_id = ${u} ORDER BY id`,
    friend_rich_menus: sql`SELECT f.menu_id, m.name AS menu_name, f.rule_id, f.updated_at FROM friend_rich_menus f
      LEFT JOIN rich_menus m ON m.id = f.menu_id WHERE f.line_user_id = ${u}`,
    webhook_events: sql`SELECT event_type, event_timestamp, received_at FROM webhook_events WHERE line_user_id = ${u}
      ORDER BY event_timestamp`,
    // Batches are user-id ranges ending at last_recipient: only the first batch at or after the id can hold it.
    broadcast_batches: sql`SELECT b.id AS broadcast_id, b.name AS broadcast_name, bb.seq, bb.status, bb.completed_at
      FROM broadcast_batches bb JOIN broadcasts b ON b.id = bb.broadcast_id
      WHERE bb.last_recipient = (SELECT MIN(x.last_recipient) FROM broadcast_batches x
        WHERE x.broadcast_id = bb.broadcast_id AND x.last_recipient >= ${u})
      AND EXISTS (SELECT 1 FROM json_each(bb.recipients) WHERE value = ${u}) ORDER BY bb.created_at`,
    audit_log: sql`SELECT id, staff_user_id, store_id, action, subject_ref, details, created_at FROM audit_log
      WHERE target_user_id = ${u} ORDER BY id`,
    staff_roles: sql`SELECT role, display_name, created_at FROM staff_roles WHERE line_user_id = ${u}`,
    friend_events: sql`SELECT type, at FROM friend_events WHERE line_user_id = ${u} ORDER BY at`,
  };
  const entries = await Promise.all(
    Object.entries(queries)
      .filter(([table]) => tables.has(table))
      .map(async ([table, query]) => [table, (await query.execute(db)).rows] as const),
  );
  return Object.fromEntries(entries);
}

/** What the erase needs to know beyond the subject: the pseudonym and the members' anonymous replacements. */
export interface ErasePlan {
  /** Random (`erased:<hex>`), never derived from the user id: what kept rows name instead of the person. */
  pseudonym: string;
  /** Old member id → its anonymous stub's id and member number. */
  memberStubs: ReadonlyMap<string, { id: string; memberNumber: string }>;
  at: number;
}

export const ERASED_MEMBER_NAME = "（削除済み / erased）";

/**
 * The erase as statements for one D1 batch, in an order the foreign keys accept (children before parents,
 * replacement rows before the rows they replace). Tables missing from `tables` are skipped.
 */
export function erasePersonalDataQueries(
  db: Kysely<Database>,
  subject: PersonalDataSubject,
  plan: ErasePlan,
  tables: ReadonlySet<string>,
): CompiledQuery[] {
  const u = subject.lineUserId;
  const p = plan.pseudonym;
  const at = plan.at;
  const oldIds = subject.members.map((m) => m.id);
  const numbers = inList(subject.members.map((m) => m.member_number));
  const q: CompiledQuery[] = [];
  const add = (table: string, query: RawBuilder<unknown>) => {
    if (tables.has(table)) q.push(query.compile(db));
  };

  // Members: an anonymous stub takes each membership's place, its children move to it, the original goes.
  for (const m of subject.members) {
    const stub = plan.memberStubs.get(m.id);
    if (!stub) throw new Error(`no stub planned for member ${m.id}`);
    const mergedInto = m.merged_into_id === null ? null : (plan.memberStubs.get(m.merged_into_id)?.id ?? m.merged_into_id);
    add(
      "members",
      sql`INSERT INTO members (id, member_number, name, name_kana, birthday, phone_last4, store_id, line_user_id, origin,
        line_only_user_id, rank_id, rank_changed_at, merged_into_id, created_at, updated_at)
        SELECT ${stub.id}, ${stub.memberNumber}, ${ERASED_MEMBER_NAME}, NULL, NULL, NULL, store_id, NULL, origin,
        NULL, rank_id, rank_changed_at, ${mergedInto}, created_at, ${at} FROM members WHERE id = ${m.id}`,
    );
    add("point_ledger", sql`UPDATE point_ledger SET member_id = ${stub.id} WHERE member_id = ${m.id}`);
    // The balance is forfeited: the unspent credits are closed (no expiry run or notice) and one adjustment
    // brings the sum to zero, so the ledger still adds up.
    add(
      "point_ledger",
      sql`UPDATE point_ledger SET expiry_state = 'done' WHERE member_id = ${stub.id} AND expiry_state IN ('pending', 'noticed')`,
    );
    add(
      "point_ledger",
      sql`INSERT INTO point_ledger (member_id, kind, points, source, source_ref, reason, idempotency_key, expires_at,
        expiry_state, created_at)
        SELECT ${stub.id}, 'adjust', -SUM(points), 'erasure', ${p}, '個人データ削除により失効 / forfeited on erasure',
        ${`erasure:${stub.id}`}, NULL, NULL, ${at} FROM point_ledger WHERE member_id = ${stub.id} HAVING SUM(points) > 0`,
    );
    add("member_link_events", sql`UPDATE member_link_events SET member_id = ${stub.id}, line_user_id = ${p} WHERE member_id = ${m.id}`);
    add("card_scans", sql`DELETE FROM card_scans WHERE member_id = ${m.id}`);
    add("link_nonces", sql`DELETE FROM link_nonces WHERE member_id = ${m.id}`);
    add("shop_accounts", sql`DELETE FROM shop_accounts WHERE member_id = ${m.id}`);
  }
  // Links to memberships that are no longer theirs (unlinked) stay counted, without the person.
  add("member_link_events", sql`UPDATE member_link_events SET line_user_id = ${p} WHERE line_user_id = ${u}`);
  add("link_nonces", sql`DELETE FROM link_nonces WHERE used_by_user_id = ${u}`);
  add(
    "link_attempts",
    sql`DELETE FROM link_attempts WHERE (scope = 'friend' AND subject = ${u}) OR (scope = 'member' AND subject IN (${numbers}))`,
  );
  if (oldIds.length > 0) add("members", sql`DELETE FROM members WHERE id IN (${inList(oldIds)})`);

  // The customer's own records.
  add("friend_tags", sql`DELETE FROM friend_tags WHERE line_user_id = ${u}`);
  add("tag_events", sql`DELETE FROM tag_events WHERE line_user_id = ${u}`);
  add("messages", sql`DELETE FROM messages WHERE line_user_id = ${u}`);
  add("survey_answers", sql`DELETE FROM survey_answers WHERE line_user_id = ${u}`);
  add("survey_rewards", sql`DELETE FROM survey_rewards WHERE line_user_id = ${u}`);
  add("survey_responses", sql`DELETE FROM survey_responses WHERE line_user_id = ${u}`);
  add(
    "scenario_step_runs",
    sql`DELETE FROM scenario_step_runs WHERE enrolment_id IN (SELECT id FROM scenario_enrolments WHERE line_user_id = ${u})`,
  );
  add("scenario_enrolments", sql`DELETE FROM scenario_enrolments WHERE line_user_id = ${u}`);
  add("conversations", sql`DELETE FROM conversations WHERE line_user_id = ${u}`);
  add("takeover_events", sql`DELETE FROM takeover_events WHERE line_user_id = ${u}`);
  add("conversation_notes", sql`DELETE FROM conversation_notes WHERE line_user_id = ${u}`);
  add("friend_rich_menus", sql`DELETE FROM friend_rich_menus WHERE line_user_id = ${u}`);
  add("faq_alternates", sql`DELETE FROM faq_alternates WHERE line_user_id = ${u} AND status <> 'approved'`);
  add("faq_alternates", sql`UPDATE faq_alternates SET line_user_id = NULL, message_id = NULL WHERE line_user_id = ${u}`);

  // Kept for the shop, without the person.
  add("coupon_grants", sql`UPDATE coupon_grants SET redeemed_by = ${p} WHERE redeemed_by = ${u}`);
  add(
    "coupon_grants",
    sql`UPDATE coupon_grants SET line_user_id = ${p},
      expires_at = CASE WHEN redeemed_at IS NULL AND expires_at > ${at} THEN ${at} ELSE expires_at END
      WHERE line_user_id = ${u}`,
  );
  add("coupon_draws", sql`UPDATE coupon_draws SET line_user_id = ${p} WHERE line_user_id = ${u}`);
  add("link_clicks", sql`UPDATE link_clicks SET line_user_id = NULL WHERE line_user_id = ${u}`);
  add("webhook_events", sql`UPDATE webhook_events SET line_user_id = NULL WHERE line_user_id = ${u}`);
  add("friend_events", sql`UPDATE friend_events SET line_user_id = ${p} WHERE line_user_id = ${u}`);
  add(
    "audit_log",
    sql`UPDATE audit_log SET target_user_id = ${p},
      details = CASE WHEN json_valid(details) THEN json_remove(details, '$.memberNumber', '$.reason', '$.name', '$.displayName') ELSE '{}' END
      WHERE target_user_id = ${u}`,
  );
  // A batch is a user-id range (previous batch's last_recipient, last_recipient]: the id leaves the list and the
  // range end moves to the greatest remaining recipient (or the previous batch's end), which holds the same people.
  add(
    "broadcast_batches",
    sql`UPDATE broadcast_batches SET
      recipients = (SELECT json_group_array(value) FROM (SELECT value FROM json_each(broadcast_batches.recipients) WHERE value <> ${u} ORDER BY key)),
      last_recipient = CASE WHEN last_recipient <> ${u} THEN last_recipient ELSE COALESCE(
        (SELECT MAX(value) FROM json_each(broadcast_batches.recipients) WHERE value <> ${u}),
        (SELECT x.last_recipient FROM broadcast_batches x WHERE x.broadcast_id = broadcast_batches.broadcast_id AND x.seq < broadcast_batches.seq ORDER BY x.seq DESC LIMIT 1),
        '') END
      WHERE last_recipient >= ${u}
      AND last_recipient = (SELECT MIN(x.last_recipient) FROM broadcast_batches x WHERE x.broadcast_id = broadcast_batches.broadcast_id AND x.last_recipient >= ${u})
      AND EXISTS (SELECT 1 FROM json_each(broadcast_batches.recipients) WHERE value = ${u})`,
  );
  add("coupon_send_batches", sql`UPDATE coupon_send_batches SET after_user_id = ${p} WHERE after_user_id = ${u}`);
  // A running reconcile moves its cursor on with its next page; a finished one's last position is history.
  add(
    "rich_menu_reconcile_runs",
    sql`UPDATE rich_menu_reconcile_runs SET cursor = (SELECT MAX(line_user_id) FROM friends WHERE line_user_id < ${u})
      WHERE cursor = ${u} AND status <> 'running'`,
  );
  add("friends", sql`DELETE FROM friends WHERE line_user_id = ${u}`);
  return q;
}
