import { adminHeaders, call, type Headers } from "./card.fixtures.ts";
import { callWorker, chatOf, sandbox, testEnv, waitFor } from "./helpers.ts";

/** Factories shared by the FAQ bot, takeover and inbox integration tests (issue 4). */

export const SHOP_FAQ = {
  shop: "テスト珈琲店",
  domain: "coffee shop",
  entries: [
    {
      id: "hours",
      question: "営業時間を教えてください",
      answer: "営業時間は毎日8:00〜20:00です。",
      alternates: ["何時から何時まで開いていますか", "何時に開店しますか"],
    },
    {
      id: "parking",
      question: "駐車場はありますか",
      answer: "店舗裏に3台分の駐車場がございます。",
      alternates: ["車で行っても大丈夫ですか", "車を停める場所はありますか"],
    },
    {
      id: "wifi",
      question: "Wi-Fiは使えますか",
      answer: "無料Wi-Fiをご利用いただけます。パスワードはレシートに記載しています。",
      alternates: ["ネットは使えますか", "電源はありますか"],
    },
    {
      id: "shipping",
      question: "コーヒー豆の送料はいくらですか",
      answer: "送料は全国一律500円、5,000円以上のご注文で無料です。",
      alternates: ["配送料はかかりますか", "通販の送料を教えて"],
    },
  ],
};

const ALL_DAY = [{ open: "00:00", close: "24:00" }];

/** Business hours that make the test independent of the hour it runs at. */
export function hoursAlways(open: boolean) {
  return {
    weekly: Array.from({ length: 7 }, () => (open ? ALL_DAY : [])),
    closedOnPublicHolidays: false,
    closedDates: [],
  };
}

export async function setUpShop(options: { open: boolean; releaseAfterHours?: number; notifyStaffByLine?: boolean }): Promise<Headers> {
  const admin = await adminHeaders();
  const imported = await call("/api/admin/faq/import", admin, { body: { file: SHOP_FAQ, mode: "replace" } });
  if (imported.status !== 200) throw new Error(`import → ${imported.status} ${JSON.stringify(imported.body)}`);
  const settings = await call("/api/admin/bot-settings", admin, {
    method: "PUT",
    body: {
      businessHours: hoursAlways(options.open),
      releaseAfterHours: options.releaseAfterHours ?? 48,
      notifyStaffByLine: options.notifyStaffByLine ?? false,
    },
  });
  if (settings.status !== 200) throw new Error(`settings → ${settings.status} ${JSON.stringify(settings.body)}`);
  return admin;
}

export interface BotMessage {
  type: string;
  text?: string;
  quickReply?: { items: Array<{ action: { type: string; label: string; data?: string; displayText?: string } }> };
}

export async function botMessages(userId: string): Promise<BotMessage[]> {
  return (await chatOf(userId)).filter((i) => i.from === "bot").map((i) => i.message as BotMessage);
}

/** Waits for the bot's n-th message to this customer (1-based) and returns it. */
export async function nthBotMessage(userId: string, n: number): Promise<BotMessage> {
  return waitFor(async () => (await botMessages(userId))[n - 1], `bot message #${n} to ${userId}`);
}

export function quickReplyLabels(message: BotMessage): string[] {
  return message.quickReply?.items.map((i) => i.action.label) ?? [];
}

export function quickReplyData(message: BotMessage, label: string | RegExp): string {
  const item = message.quickReply?.items.find((i) => (typeof label === "string" ? i.action.label === label : label.test(i.action.label)));
  if (!item?.action.data) throw new Error(`no quick reply ${String(label)} in ${JSON.stringify(message)}`);
  return item.action.data;
}

/** Lets the queue consumer finish with what it was given, to check that nothing more was said. */
export const settle = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The customer types in LINE: the sandbox builds and signs the event (the message shows in their chat,
 * with a markAsReadToken it will accept) and we deliver it to the Worker.
 */
export async function say(userId: string, text: string): Promise<void> {
  const built = await sandbox<{ body: string; headers: Record<string, string> }>("/__sandbox/webhook/build", {
    body: { userId, event: { type: "message", text } },
  });
  const response = await callWorker("/webhook", { method: "POST", headers: built.headers, body: built.body });
  if (response.status !== 200) throw new Error(`webhook → ${response.status}`);
}

export async function tap(userId: string, data: string): Promise<void> {
  const built = await sandbox<{ body: string; headers: Record<string, string> }>("/__sandbox/webhook/build", {
    body: { userId, event: { type: "postback", data } },
  });
  const response = await callWorker("/webhook", { method: "POST", headers: built.headers, body: built.body });
  if (response.status !== 200) throw new Error(`webhook → ${response.status}`);
}

/** Who has the chat, once the queue consumer has written it. */
export async function waitForState(userId: string, state: "bot" | "waiting" | "staff") {
  return waitFor(async () => {
    const row = await testEnv.DB.prepare("SELECT state, reason, assignee_user_id FROM conversations WHERE line_user_id = ?")
      .bind(userId)
      .first<{ state: string; reason: string | null; assignee_user_id: string | null }>();
    return (row?.state ?? "bot") === state ? (row ?? { state: "bot", reason: null, assignee_user_id: null }) : undefined;
  }, `chat of ${userId} to be ${state}`);
}

/** The customer's messages stored in the timeline (the consumer has seen them). */
export async function waitForStored(userId: string, count: number): Promise<void> {
  await waitFor(async () => {
    const row = await testEnv.DB.prepare("SELECT count(*) AS n FROM messages WHERE line_user_id = ? AND direction = 'in'")
      .bind(userId)
      .first<{ n: number }>();
    return (row?.n ?? 0) >= count;
  }, `${count} stored customer message(s)`);
}
