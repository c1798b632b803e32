import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { MemberRow } from "../members/members.table.ts";
import type { MemberLinkEventRow, MemberLinkMethod } from "./account-link.table.ts";

/** The columns of `members` that account linking reads. */
export type LinkableMember = Pick<MemberRow, "id" | "member_number" | "name" | "birthday" | "phone_last4" | "line_user_id">;

const columns = ["id", "member_number", "name", "birthday", "phone_last4", "line_user_id"] as const;

/**
 * Only the shop's own records can be linked: a LINE-only membership (origin 'line', made on first card
 * open) is the card feature's, and is folded into the linked one when the card is next opened.
 */
function shopMembers(db: Kysely<Database>) {
  return db.selectFrom("members").select(columns).where("origin", "=", "import");
}

export function findMemberByNumber(db: Kysely<Database>, memberNumber: string): Promise<LinkableMember | undefined> {
  return shopMembers(db).where("member_number", "=", memberNumber).executeTakeFirst();
}

export function findMemberById(db: Kysely<Database>, id: string): Promise<LinkableMember | undefined> {
  return shopMembers(db).where("id", "=", id).executeTakeFirst();
}

/** The member record this friend is linked to (`line_user_id` is the link). */
export function findMemberByLineUser(db: Kysely<Database>, lineUserId: string): Promise<LinkableMember | undefined> {
  return db.selectFrom("members").select(columns).where("line_user_id", "=", lineUserId).executeTakeFirst();
}

/**
 * Joins the friend to the member only if the member is free and the friend has no other member: one
 * conditional UPDATE (changes === 1 means linked). The NOT EXISTS keeps the UNIQUE index from turning a
 * race into an error.
 */
export function linkMemberQuery(db: Kysely<Database>, memberId: string, lineUserId: string, at: number): CompiledQuery {
  return db
    .updateTable("members")
    .set({ line_user_id: lineUserId, updated_at: at })
    .where("id", "=", memberId)
    .where("line_user_id", "is", null)
    .where("origin", "=", "import")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("members as other").select("other.id").where("other.line_user_id", "=", lineUserId))),
    )
    .compile();
}

/** Frees the member from this friend (and only this friend). */
export function unlinkMemberQuery(db: Kysely<Database>, memberId: string, lineUserId: string, at: number): CompiledQuery {
  return db
    .updateTable("members")
    .set({ line_user_id: null, updated_at: at })
    .where("id", "=", memberId)
    .where("line_user_id", "=", lineUserId)
    .compile();
}

/**
 * The history row, written in the same D1 batch as the link/unlink and only if that changed the member:
 * the WHERE re-reads the member's state after the UPDATE above it in the batch.
 */
export function insertLinkEventQuery(
  db: Kysely<Database>,
  event: { memberId: string; lineUserId: string; action: "link" | "unlink"; method: MemberLinkMethod; at: number },
): CompiledQuery {
  const linkedNow = event.action === "link";
  return db
    .insertInto("member_link_events")
    .columns(["member_id", "line_user_id", "action", "method", "created_at"])
    .expression((eb) =>
      db
        .selectFrom("members")
        .select([
          eb.val(event.memberId).as("member_id"),
          eb.val(event.lineUserId).as("line_user_id"),
          eb.val(event.action).as("action"),
          eb.val(event.method).as("method"),
          eb.val(event.at).as("created_at"),
        ])
        .where("id", "=", event.memberId)
        .where("updated_at", "=", event.at)
        .where("line_user_id", linkedNow ? "=" : "is", linkedNow ? event.lineUserId : null),
    )
    .compile();
}

export function findLatestLinkEvent(db: Kysely<Database>, memberId: string, lineUserId: string): Promise<MemberLinkEventRow | undefined> {
  return db
    .selectFrom("member_link_events")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("line_user_id", "=", lineUserId)
    .where("action", "=", "link")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}
