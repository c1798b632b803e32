import type { StaffRef, Takeover } from "@enishi/shared";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { conflict, unauthorized } from "../../errors.ts";

/** The signed-in member of staff, from the verified ID token. */
export function staffOf(c: Context<AppEnv>): StaffRef {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return { userId: user.userId, name: user.name };
}

/** 409 naming who holds the chat: the console shows it and offers to take over explicitly. */
export function heldBy(holder: StaffRef): never {
  const name = holder.name ?? holder.userId;
  throw conflict(
    `${name}さんが対応中です。引き継ぐ場合は「引き継ぐ」を選んでください / ${name} is handling this chat; take it over explicitly to answer`,
    {
      holder,
    },
  );
}

export interface TakeoverView {
  state: Takeover["state"];
  assignee: StaffRef | null;
  reason: Takeover["reason"];
  waitingSince: number | null;
}

export function takeoverView(t: Takeover): TakeoverView {
  return { state: t.state, assignee: t.assignee, reason: t.reason, waitingSince: t.waitingSince };
}
