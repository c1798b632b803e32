import type { LinkAttemptsTable, LinkNoncesTable, MemberLinkEventsTable, ShopAccountsTable } from "./account-link/account-link.table.ts";
import type { AuditLogTable } from "./audit/audit.table.ts";
import type { BroadcastBatchesTable, BroadcastsTable } from "./broadcasts/broadcasts.table.ts";
import type {
  CouponDrawsTable,
  CouponGrantsTable,
  CouponSendBatchesTable,
  CouponSendsTable,
  CouponsTable,
} from "./coupons/coupons.table.ts";
import type { BotSettingsTable, FaqAlternatesTable, FaqEntriesTable, FaqIndexCacheTable } from "./faq/faq.table.ts";
import type { FriendsTable } from "./friends/friends.table.ts";
import type { FriendEventsTable } from "./kpis/kpis.table.ts";
import type { LinkClicksTable, TrackedLinksTable } from "./links/links.table.ts";
import type { CardScansTable, MembersTable } from "./members/members.table.ts";
import type { MessagesTable } from "./messages/messages.table.ts";
import type { CannedRepliesTable, ConversationNotesTable } from "./notes/notes.table.ts";
import type { PointLedgerTable, PointSettingsTable, StoresTable } from "./points/points.table.ts";
import type { RanksTable } from "./ranks/ranks.table.ts";
import type {
  FriendRichMenusTable,
  RichMenuImagesTable,
  RichMenuPolicyTable,
  RichMenuReconcileRunsTable,
  RichMenuRetiredTable,
  RichMenusTable,
} from "./rich-menus/rich-menus.table.ts";
import type { ScenarioEnrolmentsTable, ScenarioStepRunsTable, ScenariosTable } from "./scenarios/scenarios.table.ts";
import type { SegmentsTable } from "./segments/segments.table.ts";
import type { StaffRolesTable } from "./staff/staff.table.ts";
import type { SurveyAnswersTable, SurveyResponsesTable, SurveyRewardsTable, SurveysTable } from "./surveys/surveys.table.ts";
import type { FriendTagsTable, TagEventsTable, TagGroupsTable, TagsTable } from "./tags/tags.table.ts";
import type { ConversationsTable, TakeoverEventsTable } from "./takeover/takeover.table.ts";
import type { WebhookEventsTable } from "./webhook-events/webhook-events.table.ts";

/** The Kysely view of the D1 schema in db/migrations. Keep in step with the migrations. */
export interface Database {
  friends: FriendsTable;
  friend_events: FriendEventsTable;
  webhook_events: WebhookEventsTable;
  messages: MessagesTable;
  staff_roles: StaffRolesTable;
  tag_groups: TagGroupsTable;
  tags: TagsTable;
  friend_tags: FriendTagsTable;
  tag_events: TagEventsTable;
  audit_log: AuditLogTable;
  members: MembersTable;
  stores: StoresTable;
  card_scans: CardScansTable;
  point_ledger: PointLedgerTable;
  point_settings: PointSettingsTable;
  ranks: RanksTable;
  link_attempts: LinkAttemptsTable;
  shop_accounts: ShopAccountsTable;
  link_nonces: LinkNoncesTable;
  member_link_events: MemberLinkEventsTable;
  coupons: CouponsTable;
  coupon_grants: CouponGrantsTable;
  coupon_draws: CouponDrawsTable;
  coupon_sends: CouponSendsTable;
  coupon_send_batches: CouponSendBatchesTable;
  surveys: SurveysTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  survey_rewards: SurveyRewardsTable;
  rich_menus: RichMenusTable;
  rich_menu_images: RichMenuImagesTable;
  rich_menu_policy: RichMenuPolicyTable;
  friend_rich_menus: FriendRichMenusTable;
  rich_menu_reconcile_runs: RichMenuReconcileRunsTable;
  rich_menu_retired: RichMenuRetiredTable;
  segments: SegmentsTable;
  broadcasts: BroadcastsTable;
  broadcast_batches: BroadcastBatchesTable;
  scenarios: ScenariosTable;
  scenario_enrolments: ScenarioEnrolmentsTable;
  scenario_step_runs: ScenarioStepRunsTable;
  faq_entries: FaqEntriesTable;
  faq_alternates: FaqAlternatesTable;
  bot_settings: BotSettingsTable;
  faq_index_cache: FaqIndexCacheTable;
  conversations: ConversationsTable;
  takeover_events: TakeoverEventsTable;
  conversation_notes: ConversationNotesTable;
  canned_replies: CannedRepliesTable;
  tracked_links: TrackedLinksTable;
  link_clicks: LinkClicksTable;
}
