import type { Generated, Insertable, Selectable } from "kysely";

export type LinkAttemptScope = "friend" | "member" | "login";

/** One not-yet-successful link check or demo-site login; the lockout counts these per subject. */
export interface LinkAttemptsTable {
  id: Generated<number>;
  scope: LinkAttemptScope;
  subject: string;
  attempted_at: number;
}

/** The demo shop website's accounts, for the Messaging API link flow's built-in login page. */
export interface ShopAccountsTable {
  id: string;
  login_id: string;
  password_hash: string;
  member_id: string;
  created_at: number;
}
export type ShopAccountRow = Selectable<ShopAccountsTable>;
export type NewShopAccountRow = Insertable<ShopAccountsTable>;

/** A nonce handed to LINE's account-link dialog, mapped to the member record the shop login proved. */
export interface LinkNoncesTable {
  nonce: string;
  member_id: string;
  shop_account_id: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by_user_id: string | null;
  used_by_event_id: string | null;
}
export type LinkNonceRow = Selectable<LinkNoncesTable>;
export type NewLinkNonceRow = Insertable<LinkNoncesTable>;

export type MemberLinkAction = "link" | "unlink";
export type MemberLinkMethod = "liff" | "account_link" | "customer" | "staff";

export interface MemberLinkEventsTable {
  id: Generated<number>;
  member_id: string;
  line_user_id: string;
  action: MemberLinkAction;
  method: MemberLinkMethod;
  created_at: number;
}
export type MemberLinkEventRow = Selectable<MemberLinkEventsTable>;
