// The demo's LINE identities, shared by `pnpm dev`, the end-to-end tests and the seed (db/seed/demo.sql
// has friends/members/staff_roles rows for these IDs; docs/dev-contracts.md lists staff and admin).

export interface DemoUser {
  userId: string;
  displayName: string;
  /** Customers are friends of the account (the seed has them following); staff and admin are not. */
  friend: boolean;
}

/** Same values as .dev.vars.example: the sandbox and the Worker must agree on them. */
export const DEMO_CHANNEL = {
  channelSecret: "sandbox-channel-secret",
  channelAccessToken: "sandbox-channel-access-token",
  loginChannelId: "1234567890",
} as const;

export const DEMO_STAFF_ID = "U00000000000000000000000000000501";
export const DEMO_ADMIN_ID = "U00000000000000000000000000000a01";

export const DEMO_CUSTOMERS: readonly DemoUser[] = [
  // Member 100001, linked, 渋谷店, ゴールド.
  { userId: "U00000000000000000000000000000c01", displayName: "佐藤 花子", friend: true },
  // Member 100002, linked, 横浜店; has a past conversation in the seed.
  { userId: "U00000000000000000000000000000c02", displayName: "ケンタ", friend: true },
  // A friend whose membership (100003) is not linked yet: the account-link demo.
  { userId: "U00000000000000000000000000000c03", displayName: "みさき", friend: true },
];

/** LINE Login identities of the consoles: they must exist in the sandbox to get ID tokens. */
export const DEMO_OPERATORS: readonly DemoUser[] = [
  { userId: DEMO_STAFF_ID, displayName: "山本 (スタッフ)", friend: false },
  { userId: DEMO_ADMIN_ID, displayName: "小林 (管理者)", friend: false },
];
