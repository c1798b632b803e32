import type { FriendsTable } from "./friends/friends.table.ts";
import type { MessagesTable } from "./messages/messages.table.ts";
import type { StaffRolesTable } from "./staff/staff.table.ts";
import type { FriendTagsTable, TagEventsTable, TagGroupsTable, TagsTable } from "./tags/tags.table.ts";
import type { WebhookEventsTable } from "./webhook-events/webhook-events.table.ts";

/** The Kysely view of the D1 schema in db/migrations. Keep in step with the migrations. */
export interface Database {
  friends: FriendsTable;
  webhook_events: WebhookEventsTable;
  messages: MessagesTable;
  staff_roles: StaffRolesTable;
  tag_groups: TagGroupsTable;
  tags: TagsTable;
  friend_tags: FriendTagsTable;
  tag_events: TagEventsTable;
}
