/**
 * What the FAQ bot sends (issue 4 §2): an answer with 解決した / 解決しない, up to three choices plus
 * 「スタッフに相談」, and polite small talk. Japanese first, English second. Quick-reply labels are cut to
 * LINE's 20 characters; the full question goes in `displayText`, which is what the chat then shows.
 */
import { encodePostback } from "@enishi/shared";
import type { FaqEntry } from "@enishi/shared/faq/index";
import type { messagingApi } from "@line/bot-sdk";
import type { LineMessage } from "../../line/send.ts";

type QuickReplyItem = messagingApi.QuickReplyItem;

const LABEL_MAX = 20;
const DISPLAY_MAX = 300;
/** LINE's text limit is 5,000; the answer leaves room for nothing else in its message. */
const TEXT_MAX = 5000;

function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function postbackItem(label: string, data: string, displayText: string): QuickReplyItem {
  return { type: "action", action: { type: "postback", label: clip(label, LABEL_MAX), data, displayText: clip(displayText, DISPLAY_MAX) } };
}

export function staffChoice(): QuickReplyItem {
  return postbackItem("スタッフに相談", encodePostback({ action: "contact-staff" }), "スタッフに相談");
}

function entryChoice(entry: FaqEntry, n: number): QuickReplyItem {
  return postbackItem(`${n}. ${entry.question}`, encodePostback({ action: "faq-answer", id: entry.id }), entry.question);
}

/** The answer, then the question whether it helped. */
export function answerMessage(entry: FaqEntry): LineMessage {
  return {
    type: "text",
    text: clip(entry.answer, TEXT_MAX) || "…",
    quickReply: {
      items: [
        postbackItem("解決した", encodePostback({ action: "faq-feedback", id: entry.id, solved: "yes" }), "解決した"),
        postbackItem("解決しない", encodePostback({ action: "faq-feedback", id: entry.id, solved: "no" }), "解決しない"),
      ],
    },
  };
}

function choiceList(entries: readonly FaqEntry[]): string {
  return entries.map((e, i) => `${i + 1}. ${clip(e.question, 80)}`).join("\n");
}

/** Up to three likely questions, and a person. */
export function suggestMessage(entries: readonly FaqEntry[]): LineMessage {
  const shown = entries.slice(0, 3);
  return {
    type: "text",
    text: `もしかして、次のどれかのご質問でしょうか？\n${choiceList(shown)}\n\nDid you mean one of these? Tap one, or ask for a member of staff.`,
    quickReply: { items: [...shown.map((e, i) => entryChoice(e, i + 1)), staffChoice()] },
  };
}

/** After 解決しない: the other entries the bot considered, or only a person when there are none. */
export function notSolvedMessage(others: readonly FaqEntry[]): LineMessage {
  if (others.length === 0) {
    return {
      type: "text",
      text: "お役に立てず申し訳ありません。言い方を変えてもう一度お送りいただくか、スタッフにご相談ください。\n\nSorry that did not help. Try asking in other words, or talk to a member of staff.",
      quickReply: { items: [staffChoice()] },
    };
  }
  const shown = others.slice(0, 3);
  return {
    type: "text",
    text: `お役に立てず申し訳ありません。こちらのご質問でしょうか？\n${choiceList(shown)}\n\nSorry that did not help. Is it one of these? Or talk to a member of staff.`,
    quickReply: { items: [...shown.map((e, i) => entryChoice(e, i + 1)), staffChoice()] },
  };
}

export const SOLVED_TEXT =
  "お役に立ててよかったです！ほかにもご質問があればお気軽にどうぞ。\n\nGlad that helped! Ask us anything else here.";

const THANKS = /ありがと|有難|感謝|助かり|thank/i;
const GREETING = /こんにち|こんばん|おはよう|はじめまして|初めまして|hello|^hi\b/i;

/** Greetings and thanks get a polite reply, not a handover (issue 4 §2). */
export function smallTalkText(message: string): string {
  if (THANKS.test(message)) return "どういたしまして！ほかにもご質問があればお気軽にどうぞ。\n\nYou're welcome! Ask us anything else here.";
  if (GREETING.test(message))
    return "メッセージありがとうございます！ご質問があればこのトークにお送りください。自動でお答えし、必要ならスタッフにおつなぎします。\n\nHello! Send us your question here: we answer right away, or pass you to a member of staff.";
  return "承知しました。ほかにもご質問があればお気軽にどうぞ。\n\nGot it. Ask us anything else here.";
}
