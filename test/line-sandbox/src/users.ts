// Sandbox users: the people "holding a LINE app". They must exist before the bot can message them or
// they can get tokens, as a real user must have added the account; webhook/send creates them on the fly.
import { z } from "zod";
import { lineUserId } from "./ids.ts";
import { isoAt, type SandboxState, type SandboxUser } from "./state.ts";

export const LINE_USER_ID = /^U[0-9a-f]{32}$/;

export const CreateUserInputSchema = z.object({
  userId: z.string().regex(LINE_USER_ID, "LINE user ID: U + 32 lowercase hex digits").optional(),
  displayName: z.string().min(1).max(100),
  pictureUrl: z.string().url().nullable().optional(),
  language: z.string().min(2).nullable().optional(),
  statusMessage: z.string().nullable().optional(),
  /** false = the user has blocked the account (or never added it). Default true. */
  friend: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

/** Creates the user, or updates the given fields when the ID already exists. */
export function upsertUser(state: SandboxState, input: CreateUserInput): SandboxUser {
  const userId = input.userId ?? lineUserId();
  const existing = state.users.get(userId);
  const user: SandboxUser = {
    userId,
    displayName: input.displayName,
    pictureUrl: input.pictureUrl !== undefined ? input.pictureUrl : (existing?.pictureUrl ?? null),
    language: input.language !== undefined ? input.language : (existing?.language ?? "ja"),
    statusMessage: input.statusMessage !== undefined ? input.statusMessage : (existing?.statusMessage ?? null),
    friend: input.friend ?? existing?.friend ?? true,
    blockedAt: existing?.blockedAt ?? null,
    createdAt: existing?.createdAt ?? isoAt(state),
  };
  state.users.set(userId, user);
  return user;
}

/** The user, created with a placeholder name when unknown (used by the webhook sender). */
export function ensureUser(state: SandboxState, userId: string): SandboxUser {
  return state.users.get(userId) ?? upsertUser(state, { userId, displayName: `User ${userId.slice(1, 7)}` });
}
