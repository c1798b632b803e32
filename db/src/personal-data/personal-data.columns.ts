/**
 * Every column of the schema that can hold a person's identity (a LINE user id, a member id, a list or a
 * cursor of user ids), with what a personal-data export and erase do with it (decision 023). The schema
 * test (test/integration/personal-data.test.ts) lists such columns from the live schema and fails when one is
 * missing here: a new table with a `line_user_id` must be decided on before it ships.
 *
 * - `delete`: the row is the customer's and is deleted.
 * - `anonymise`: the row is kept for the shop (accounting, limits, counts) but this column no longer names
 *   the person: it becomes NULL or the erasure's random pseudonym (`erased:…`), never derived from the id.
 * - `keep`: the column names staff (who did something), or is a count: not the customer's data.
 */
export type ErasePolicy = "delete" | "anonymise" | "keep";

export interface ColumnPolicy {
  erase: ErasePolicy;
  /** In the export (rows where this column names the person). */
  exported: boolean;
  why: string;
}

const staff = (what: string): ColumnPolicy => ({ erase: "keep", exported: false, why: `staff who ${what}, not the customer` });
const count: ColumnPolicy = { erase: "keep", exported: false, why: "a number of recipients, names nobody" };

export const PERSONAL_DATA_COLUMNS: Readonly<Record<string, Readonly<Record<string, ColumnPolicy>>>> = {
  friends: { line_user_id: { erase: "delete", exported: true, why: "the friend's profile" } },
  webhook_events: {
    line_user_id: { erase: "anonymise", exported: true, why: "dedupe rows stay (a redelivery must stay harmless); user id set NULL" },
  },
  messages: {
    line_user_id: { erase: "delete", exported: true, why: "the conversation, both directions" },
    staff_user_id: staff("sent a message"),
  },
  staff_roles: {
    line_user_id: {
      erase: "keep",
      exported: true,
      why: "a staff role is the shop's access control; an admin revokes it on its own screen",
    },
    granted_by: staff("granted a role"),
  },
  members: {
    line_user_id: { erase: "anonymise", exported: true, why: "member row replaced by an anonymous stub (points and link counts stay)" },
    line_only_user_id: { erase: "anonymise", exported: true, why: "as line_user_id" },
  },
  friend_tags: { line_user_id: { erase: "delete", exported: true, why: "profile attributes" } },
  tag_events: { line_user_id: { erase: "delete", exported: true, why: "the history of those attributes" } },
  audit_log: {
    target_user_id: {
      erase: "anonymise",
      exported: true,
      why: "staff actions stay accountable; the target becomes the pseudonym, memberNumber/reason removed from details",
    },
    staff_user_id: staff("acted"),
  },
  card_scans: {
    member_id: { erase: "delete", exported: true, why: "short-lived scan sessions" },
    staff_user_id: staff("scanned"),
  },
  point_ledger: {
    member_id: { erase: "anonymise", exported: true, why: "accounting: rows move to the anonymous member stub; the balance is forfeited" },
    staff_user_id: staff("awarded or adjusted points"),
  },
  point_settings: { updated_by: staff("changed the rules") },
  rich_menu_policy: { updated_by: staff("changed the policy") },
  link_attempts: { subject: { erase: "delete", exported: true, why: "failed link checks of this friend or member number" } },
  link_nonces: {
    member_id: { erase: "delete", exported: true, why: "single-use account-link nonces" },
    used_by_user_id: { erase: "delete", exported: true, why: "as member_id" },
  },
  shop_accounts: { member_id: { erase: "delete", exported: true, why: "the demo shop website's login (an e-mail address)" } },
  member_link_events: {
    member_id: { erase: "anonymise", exported: true, why: "link-rate counts stay; rows point at the stub" },
    line_user_id: { erase: "anonymise", exported: true, why: "pseudonym" },
  },
  coupons: { created_by: staff("created a coupon") },
  coupon_grants: {
    line_user_id: { erase: "anonymise", exported: true, why: "issued/redeemed counts and limits; unused copies expire now" },
    redeemed_by: { erase: "anonymise", exported: true, why: "the customer's own id on use-now redemptions" },
  },
  coupon_draws: { line_user_id: { erase: "anonymise", exported: true, why: "lottery winner caps count these rows" } },
  coupon_sends: { created_by: staff("sent a coupon") },
  coupon_send_batches: {
    after_user_id: { erase: "anonymise", exported: false, why: "a position record (never read back) becomes the pseudonym" },
    recipients: count,
  },
  surveys: { created_by: staff("created a survey") },
  survey_responses: { line_user_id: { erase: "delete", exported: true, why: "answers may be free text about the person" } },
  survey_answers: { line_user_id: { erase: "delete", exported: true, why: "as survey_responses" } },
  survey_rewards: {
    line_user_id: { erase: "delete", exported: true, why: "what the responses earned (the grant/ledger rows stay, anonymised)" },
  },
  friend_rich_menus: {
    line_user_id: { erase: "delete", exported: true, why: "the per-user link; unlinked at LINE after the erase" },
  },
  rich_menu_reconcile_runs: {
    cursor: { erase: "anonymise", exported: false, why: "a finished run's last position moves to the previous friend" },
  },
  segments: { created_by: staff("created a segment") },
  broadcasts: { created_by: staff("created a broadcast"), recipients_total: count },
  broadcast_batches: {
    recipients: { erase: "anonymise", exported: true, why: "the id is removed from the batch's recipient list" },
    last_recipient: { erase: "anonymise", exported: false, why: "the batch's range end moves to its greatest remaining recipient" },
    recipient_count: count,
  },
  scenarios: { created_by: staff("created a scenario") },
  scenario_enrolments: { line_user_id: { erase: "delete", exported: true, why: "step-delivery progress (with its step runs)" } },
  faq_alternates: {
    line_user_id: {
      erase: "delete",
      exported: true,
      why: "pending/rejected suggestions deleted; approved phrasings (FAQ content) lose the id",
    },
    suggested_by: staff("suggested a phrasing"),
    reviewed_by: staff("reviewed a phrasing"),
  },
  conversations: {
    line_user_id: { erase: "delete", exported: true, why: "handover state and the bot's memory of the chat" },
    assignee_user_id: staff("has the chat"),
  },
  takeover_events: {
    line_user_id: { erase: "delete", exported: true, why: "handover history of this customer's chat" },
    actor_user_id: staff("took or released a chat"),
    assignee_user_id: staff("was assigned a chat"),
  },
  conversation_notes: {
    line_user_id: { erase: "delete", exported: true, why: "staff notes about the customer" },
    author_user_id: staff("wrote a note"),
  },
  tracked_links: { created_by: staff("created a link") },
  link_clicks: { line_user_id: { erase: "anonymise", exported: true, why: "click counts stay; user id set NULL (anonymous click)" } },
  // KPIs (migration 0013): follow/unfollow log counted per day.
  friend_events: { line_user_id: { erase: "anonymise", exported: true, why: "daily follow/block counts stay; pseudonym" } },
};

/** Column names that can hold a person's identity: what the schema test looks for in every table. */
export const IDENTITY_COLUMN_PATTERN = /user_id$|member_id$|_by$|recipient|^subject$|^cursor$/;
