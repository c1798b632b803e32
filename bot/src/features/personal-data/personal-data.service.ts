import {
  type ErasePlan,
  erasePersonalDataQueries,
  existingTables,
  findFriend,
  findSubjectMembers,
  type PersonalDataSubject,
  readPersonalDataRows,
} from "@enishi/db";
import { runBatch } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { badRequest, notFound } from "../../errors.ts";
import { auditQuery, recordAudit } from "../audit/audit.service.ts";
import { unlinkLineRichMenu } from "../rich-menus/line-rich-menus.ts";

/**
 * A customer's personal data (APPI 開示 / 削除・利用停止), decision 023: everything Enishi holds about one LINE
 * user as one JSON document, and its erase in one D1 batch — personal rows deleted, rows the shop must keep
 * (points, coupon and link counts, staff accountability) kept under a random pseudonym.
 */

export const PERSONAL_DATA_FORMAT = "enishi.personal-data.v1";

/** Columns stored as JSON text, parsed in the export so it reads as one document. */
const JSON_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  messages: ["payload"],
  survey_responses: ["answers"],
  survey_answers: ["value"],
  scenario_enrolments: ["context"],
  audit_log: ["details"],
};

const SECTION_TITLES: Readonly<Record<string, string>> = {
  friends: "LINE友だちのプロフィール / LINE friend profile",
  members: "会員情報 / Memberships",
  member_link_events: "会員連携の履歴 / Membership link history",
  link_attempts: "会員連携の失敗した確認 / Failed link checks",
  link_nonces: "LINEアカウント連携の手続き / Account-link sessions",
  shop_accounts: "ショップサイトのアカウント / Shop website account",
  friend_tags: "タグ / Tags",
  tag_events: "タグの履歴 / Tag history",
  messages: "トーク履歴 / Messages in and out",
  coupon_grants: "クーポン / Coupons held and used",
  coupon_draws: "クーポン抽選 / Coupon lotteries",
  survey_responses: "アンケート回答 / Survey responses",
  survey_answers: "アンケートの設問ごとの回答 / Survey answers",
  survey_rewards: "アンケート特典 / Survey rewards",
  point_ledger: "ポイント履歴 / Points ledger",
  card_scans: "会員証の読み取り / Card scans",
  link_clicks: "計測リンクのクリック / Tracked-link clicks",
  scenario_enrolments: "ステップ配信 / Scenario enrolments",
  scenario_step_runs: "ステップ配信の実行 / Scenario steps run",
  conversations: "チャットの担当状況 / Conversation state",
  takeover_events: "有人対応の履歴 / Handover history",
  conversation_notes: "スタッフのメモ / Staff notes",
  faq_alternates: "FAQの学習候補 / FAQ phrasing suggestions",
  friend_rich_menus: "リッチメニュー / Rich menu",
  webhook_events: "LINEから届いたイベント / Events received from LINE",
  broadcast_batches: "受け取った一斉配信 / Broadcasts received",
  audit_log: "スタッフの操作記録 / Staff actions about this customer",
  staff_roles: "スタッフ権限 / Staff roles",
  friend_events: "友だち追加・ブロック / Follows and blocks",
};

function parseJsonColumns(table: string, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const columns = JSON_COLUMNS[table];
  if (!columns) return rows;
  return rows.map((row) => {
    const out = { ...row };
    for (const column of columns) {
      const value = out[column];
      if (typeof value !== "string") continue;
      try {
        out[column] = JSON.parse(value);
      } catch {
        // Not JSON after all: the text as stored.
      }
    }
    return out;
  });
}

/** The person, or 404 when Enishi knows neither a friend nor a membership with this LINE user id. */
async function loadSubject(deps: Deps, userId: string): Promise<{ subject: PersonalDataSubject; isFriend: boolean }> {
  const [friend, members] = await Promise.all([findFriend(deps.db, userId), findSubjectMembers(deps.db, userId)]);
  if (!friend && members.length === 0) throw notFound("Unknown LINE user / この LINE ユーザーのデータはありません");
  return { subject: { lineUserId: userId, members }, isFriend: friend !== undefined };
}

export interface PersonalDataSection {
  title: string;
  rows: Record<string, unknown>[];
}

export interface PersonalDataExport {
  format: string;
  exportedAt: string;
  subject: { lineUserId: string; memberNumbers: string[] };
  note: string;
  sections: Record<string, PersonalDataSection>;
}

async function collect(deps: Deps, subject: PersonalDataSubject): Promise<Record<string, PersonalDataSection>> {
  const rows = await readPersonalDataRows(deps.db, subject, await existingTables(deps.db));
  return Object.fromEntries(
    Object.entries(rows).map(([table, tableRows]) => [
      table,
      { title: SECTION_TITLES[table] ?? table, rows: parseJsonColumns(table, tableRows) },
    ]),
  );
}

/** Everything about the user as one document; the export is audited. */
export async function exportPersonalData(deps: Deps, userId: string, staffUserId: string): Promise<PersonalDataExport> {
  const { subject } = await loadSubject(deps, userId);
  const sections = await collect(deps, subject);
  const at = Date.now();
  await recordAudit(deps, {
    staffUserId,
    storeId: null,
    action: "personal_data.export",
    targetUserId: userId,
    details: { rows: rowCounts(sections) },
    at,
  });
  return {
    format: PERSONAL_DATA_FORMAT,
    exportedAt: new Date(at).toISOString(),
    subject: { lineUserId: userId, memberNumbers: subject.members.map((m) => m.member_number) },
    note:
      "Enishi が保存しているこの方のデータです。LINE 自体が保存するデータ（トーク画面の表示など）は含みません。" +
      " / What Enishi holds about this person; data LINE itself keeps (the chat as shown in LINE) is not included.",
    sections,
  };
}

function rowCounts(sections: Record<string, PersonalDataSection>): Record<string, number> {
  return Object.fromEntries(Object.entries(sections).flatMap(([table, s]) => (s.rows.length > 0 ? [[table, s.rows.length]] : [])));
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export interface EraseResult {
  erased: true;
  /** What kept rows name instead of the person (also the erase's audit subject). */
  pseudonym: string;
  /** Rows found before the erase, per table (numbers only). */
  rows: Record<string, number>;
  richMenu: "unlinked" | "none" | "failed";
}

/**
 * Erases the user's personal data in one D1 batch (with its audit entry: all or nothing), then unlinks a
 * per-user rich menu at LINE. A LINE failure is logged and reported; the erase stands.
 * `confirm` must repeat the LINE user id or one of the member numbers.
 */
export async function erasePersonalData(deps: Deps, userId: string, confirm: string, staffUserId: string): Promise<EraseResult> {
  const { subject } = await loadSubject(deps, userId);
  const typed = confirm.trim();
  const accepted = [userId, ...subject.members.map((m) => m.member_number)];
  if (!accepted.includes(typed)) {
    throw badRequest(
      "確認の入力が一致しません。LINE ユーザー ID か会員番号を正確に入力してください。何も削除していません。" +
        " / The confirmation does not match: type the LINE user ID or the member number exactly. Nothing was erased.",
    );
  }
  const tables = await existingTables(deps.db);
  const before = rowCounts(await collect(deps, subject));
  const menu = await deps.db
    .selectFrom("friend_rich_menus")
    .select("line_rich_menu_id")
    .where("line_user_id", "=", userId)
    .executeTakeFirst();

  const pseudonym = `erased:${randomHex(12)}`;
  const at = Date.now();
  const plan: ErasePlan = {
    pseudonym,
    at,
    memberStubs: new Map(subject.members.map((m) => [m.id, { id: `erased-${randomHex(12)}`, memberNumber: `erased-${randomHex(6)}` }])),
  };
  await runBatch(deps, [
    ...erasePersonalDataQueries(deps.db, subject, plan, tables),
    // The erase's own record names the pseudonym, never the person.
    auditQuery(deps, {
      staffUserId,
      storeId: null,
      action: "personal_data.erase",
      targetUserId: null,
      subjectRef: pseudonym,
      details: { rows: before },
      at,
    }),
  ]);

  let richMenu: EraseResult["richMenu"] = "none";
  if (menu?.line_rich_menu_id) {
    try {
      await unlinkLineRichMenu(deps, userId);
      richMenu = "unlinked";
    } catch (error) {
      richMenu = "failed";
      // The id is logged so an operator can unlink the menu by hand; the D1 erase has happened.
      console.warn(JSON.stringify({ msg: "personal_data_richmenu_unlink_failed", userId, pseudonym, error: String(error) }));
    }
  }
  return { erased: true, pseudonym, rows: before, richMenu };
}
