// Everything the sandbox remembers, in memory. One object per sandbox instance so tests can run several
// sandboxes side by side; `resetState` forgets what a test did but keeps channel, keys and config.
import type { WebhookEvent } from "./events.ts";
import type { Fault } from "./faults.ts";

export type SandboxUser = {
  userId: string;
  displayName: string;
  pictureUrl: string | null;
  language: string | null;
  statusMessage: string | null;
  /** false after an unfollow (the user blocked the account): pushes are accepted but not shown. */
  friend: boolean;
  /** Set by an unfollow event: the next follow is then an unblock (`follow.isUnblocked: true`). */
  blockedAt: string | null;
  createdAt: string;
};

export type ChatVia = "reply" | "push" | "multicast";
export type ChatItem = {
  from: "user" | "bot";
  at: string;
  messageId: string;
  message: Record<string, unknown>;
  via?: ChatVia;
  /** User messages only: when the bot marked it as read (mark-as-read API). */
  readAt?: string | null;
};

export type CallRecord = {
  endpoint: string;
  method: string;
  path: string;
  status: number;
  retryKey: string | null;
  requestId: string;
  body: unknown;
  response: unknown;
  fault: string | null;
  at: string;
};

export type ReplyTokenRecord = { userId: string; webhookEventId: string | null; expiresAt: number; usedAt: number | null };
export type LinkTokenRecord = { userId: string; expiresAt: number; usedAt: number | null };
export type AcceptedRetryKey = { requestId: string; acceptedAt: number; response: unknown };

export type RichMenuRecord = {
  richMenuId: string;
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: unknown[];
  image: { contentType: string; bytes: Uint8Array } | null;
};

export type WebhookRecord = { userId: string; event: WebhookEvent };
export type WebhookDelivery = {
  webhookEventId: string;
  userId: string;
  type: string;
  isRedelivery: boolean;
  status: number;
  error: string | null;
  durationMs: number;
  at: string;
};

export type SandboxConfig = {
  webhookUrl: string | null;
  /** LINE: reply tokens are valid for about one minute. */
  replyTokenTtlMs: number;
  /** LINE: link tokens are valid for 10 minutes. */
  linkTokenTtlMs: number;
  /** Monthly message limit; null = no limit (quota type "none"). */
  monthlyQuota: number | null;
  /** How long a "timeout" fault holds a request before answering 504. */
  timeoutHoldMs: number;
  /** How long the webhook sender waits for the bot. */
  webhookTimeoutMs: number;
};

export type ChannelIdentity = {
  channelSecret: string;
  channelAccessToken: string;
  loginChannelId: string;
  /** `destination` of webhook bodies: the bot's own user ID. */
  botUserId: string;
};

export type SandboxState = {
  channel: ChannelIdentity;
  /** Public origin (`http://127.0.0.1:8790`): ID token issuer and base of image URLs. */
  origin: string;
  config: SandboxConfig;
  now: () => number;
  users: Map<string, SandboxUser>;
  chats: Map<string, ChatItem[]>;
  calls: CallRecord[];
  replyTokens: Map<string, ReplyTokenRecord>;
  markAsReadTokens: Map<string, { userId: string; messageId: string }>;
  linkTokens: Map<string, LinkTokenRecord>;
  retryKeys: Map<string, AcceptedRetryKey>;
  richMenus: Map<string, RichMenuRecord>;
  aliases: Map<string, string>;
  userRichMenus: Map<string, string>;
  defaultRichMenuId: string | null;
  quotaUsage: number;
  loadingUntil: Map<string, number>;
  webhookEvents: Map<string, WebhookRecord>;
  deliveries: WebhookDelivery[];
  faults: Fault[];
  /** Requests held by "timeout" faults; aborted on reset and close so nothing hangs. */
  held: Set<AbortController>;
};

export const DEFAULT_CONFIG: SandboxConfig = {
  webhookUrl: null,
  replyTokenTtlMs: 60_000,
  linkTokenTtlMs: 600_000,
  monthlyQuota: null,
  timeoutHoldMs: 30_000,
  webhookTimeoutMs: 10_000,
};

export function createState(
  channel: ChannelIdentity,
  options: { origin: string; config?: Partial<SandboxConfig>; now?: () => number },
): SandboxState {
  return {
    channel,
    origin: options.origin,
    config: { ...DEFAULT_CONFIG, ...options.config },
    now: options.now ?? Date.now,
    users: new Map(),
    chats: new Map(),
    calls: [],
    replyTokens: new Map(),
    markAsReadTokens: new Map(),
    linkTokens: new Map(),
    retryKeys: new Map(),
    richMenus: new Map(),
    aliases: new Map(),
    userRichMenus: new Map(),
    defaultRichMenuId: null,
    quotaUsage: 0,
    loadingUntil: new Map(),
    webhookEvents: new Map(),
    deliveries: [],
    faults: [],
    held: new Set(),
  };
}

export function releaseHeld(state: SandboxState): void {
  for (const controller of state.held) controller.abort();
  state.held.clear();
}

/** Forgets users, chats, calls, faults, rich menus and tokens; keeps channel, signing keys and config. */
export function resetState(state: SandboxState): void {
  releaseHeld(state);
  for (const value of Object.values(state)) {
    if (value instanceof Map) value.clear();
  }
  state.calls.length = 0;
  state.deliveries.length = 0;
  state.faults.length = 0;
  state.defaultRichMenuId = null;
  state.quotaUsage = 0;
}

/**
 * Logs and token maps keep the most recent entries only, so a long `pnpm dev` session or a benchmark
 * cannot grow the sandbox without bound. Far more than any test looks at.
 */
export const HISTORY_LIMIT = 10_000;

export function appendBounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > HISTORY_LIMIT) list.splice(0, list.length - HISTORY_LIMIT);
}

/** Map insertion order is age order: drop the oldest keys beyond the limit. */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= HISTORY_LIMIT) break;
    map.delete(oldest);
  }
}

export function isoAt(state: SandboxState): string {
  return new Date(state.now()).toISOString();
}
