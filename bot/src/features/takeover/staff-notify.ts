import { findAllStaff, findFriend } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { sendToUser } from "../../line/send.ts";
import { liffUrl } from "../conversations/bot-copy.ts";

/**
 * Optional (bot settings): a LINE push to every member of staff when a chat is handed over, for shops
 * whose staff are not watching the console. Keyed per handover and person, so a re-run sends nothing twice.
 */
export async function pushHandoverToStaff(deps: Deps, customerId: string, handoverAt: number, question: string | null): Promise<void> {
  const [staff, friend] = await Promise.all([findAllStaff(deps.db), findFriend(deps.db, customerId)]);
  const recipients = [...new Set(staff.map((s) => s.line_user_id))].filter((id) => id !== customerId);
  const who = friend?.display_name ?? "お客様";
  const asked = question ? `\n「${[...question].slice(0, 80).join("")}」` : "";
  const link = liffUrl(deps.config, `/staff/inbox/${customerId}`);
  const text = `【スタッフ対応】${who}さんがスタッフの返信を待っています。${asked}\n${link}\n\n${who} is waiting for a member of staff.`;
  for (const staffId of recipients) {
    try {
      await sendToUser(deps.db, deps.line, {
        to: staffId,
        messages: [{ type: "text", text }],
        sender: "system",
        key: `handover:${customerId}:${handoverAt}:${staffId}`,
      });
    } catch (error) {
      // One unreachable member of staff must not stop the others, nor the customer's handover.
      console.warn(JSON.stringify({ msg: "staff_push_failed", staffId, error: String(error) }));
    }
  }
}
