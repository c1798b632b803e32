/**
 * What a message is, before it is matched against the FAQ: small talk (a polite reply, not a handover),
 * an explicit request for a person (hand over at once), a complaint or a message about the customer's own
 * booking (hand over), or a question — in which case greetings and pleasantries around it are stripped so
 * that they do not dilute the match.
 *
 * Patterns describe how people write in LINE in general (greetings, thanks, asking for staff, complaining),
 * never one FAQ's topics. They run on `normalizeText` output: NFKC, lower case, symbols → spaces.
 */
import { normalizeText } from "./normalize.ts";

// Pleasantries that carry no question, stripped wherever they occur: 「ありがとう」 inside a question
// sentence goes, the question stays.
const PLEASANTRY = new RegExp(
  [
    "(?:こんにち|こんばん)[はわ]",
    "おはよう(?:ございます)?",
    "(?:はじめ|初め)まして",
    "(?:いつも|大変)?お世話になって(?:おり|い)?ます",
    "お疲れ(?:様|さま)(?:です)?",
    "(?:夜分|朝早く|お忙しいところ)?(?:に)?(?:すみません|すいません|失礼します|恐れ入ります)",
    "(?:先日|前回|今日|本日|いつも)?(?:は)?(?:どうも)?(?:ありがとう|有難う)(?:ございます|ございました)?",
    "(?:また|今後とも|引き続き)?(?:よろしく|宜しく)(?:お願い(?:いた)?します|です)?",
    "(?:了解|承知)(?:です|しました|いたしました)?|(?:かしこまり|わかり|分かり)ました",
    "(?:質問|確認|お尋ね|相談)(?:です|なんですが|があります|させてください|したいのですが)",
    "お願い(?:いた)?します|おねがいします",
    "間違えて送(?:信|っ)(?:しました|ちゃいました|てしまいました)",
  ].join("|"),
  "g",
);

// Short replies that are small talk only as a whole clause: 「はい」 is also the start of 「はいれますか」.
const SHORT_REPLY = /^(?:はい|はーい|はあい|うん|ok|おk|おけ|りょ|どうも|ども|いえいえ|了解|またね)$/;

// A clause still counts as small talk when only these remain (「また」「ね」「ー」…).
const FILLER = /^[\sーぁ-ゖ]{0,3}$/;

// Explicit requests for a person. The noun alone (「スタッフ」) is not enough: 「スタッフに見せて」 in an
// FAQ question is not a handover request, so a verb of talking/handing over must follow.
const HUMAN_REQUEST = new RegExp(
  [
    // (?<!kanji)人: not 「友人と話して」「個人に」; no 「変わ」: 「担当者が変わった」 is not a request
    "(?:(?<![一-龥])人|人間|ひと|スタッフ|担当者|店員|オペレーター|オペレータ|係の人|有人|生身)(?:さん)?(?:と|に|が|で|の方と|の方に)?(?:直接)?(?:話|はな|相談|代わ|つな|繋|対応|お願い|聞きたい)",
    "^(?:オペレーター|オペレータ|有人対応|スタッフ|担当者|人間|スタッフに相談)(?:さん)?(?:を|に)?(?:お願いします|呼んで|希望)?$",
    "(?:チャット|bot|ボット|ロボット|自動応答|機械)(?:じゃなく|ではなく|じゃない|は嫌|はいや|やめ)",
  ].join("|"),
);

// Clearly negative messages (issue 4 §5): complaints want a person, never an FAQ answer.
const NEGATIVE =
  /納得(?:でき|いか|いき)|感じ(?:が)?悪|最悪|不快|ショック|たのに|失礼(?:な|だ)|許せ|謝罪|謝って|クレーム|苦情|返金し|返して(?:ください|ほしい|欲しい)|改善して(?:ほしい|欲しい|ください)|どうなって(?:る|い)|ありえない|あり得ない|二度と/;

// About the customer's own booking or order (「3/15 11時で予約している山本です」「予約番号R-58213の件」):
// only staff can look it up, whatever FAQ entry its words resemble. A name is a short kanji word closing a
// clause with です, counted only next to a booking/order word; a reference number counts on its own.
const REFERENCE_NUMBER = /(?:予約|注文|会員|お問い合わせ)番号\s*(?:は|:)?\s*[a-z]*-?\d{3,}|\b[a-z]{1,3}-\d{3,}\b/;
const SELF_NAME =
  /(?<![一-龥])(?!(?:件|者|方|予定|質問|確認|相談|学生|初心者|明日|今日|昨日|明後日|来週|今週|先週|来月|今月|午前|午後|本日|当日)です)[一-龥]{1,4}(?:です|と申します)(?=$|[\s。、!?！？])/;
const BOOKING_WORD = /予約|注文/;

export type MessageKind = "smalltalk" | "human" | "negative" | "personal" | "question";

export interface MessageIntent {
  kind: MessageKind;
  /** the message without pleasantries: what the FAQ is matched against */
  core: string;
}

// A question cue keeps a thanked-and-asked message a question: 「先日はありがとう…おいくらですか？」.
const QUESTION_CUE =
  /[?？]|か$|か |ますか|ですか|でしょうか|教えて|知りたい|たいです|たい$|できる|できま|いくら|いつ|どこ|何|なに|どう|ある$|あります/;

export function classifyMessage(message: string): MessageIntent {
  const text = normalizeText(message);
  const raw = message.normalize("NFKC");
  if (HUMAN_REQUEST.test(text)) return { kind: "human", core: text };
  if (NEGATIVE.test(text)) return { kind: "negative", core: text };
  const punctuated = raw.toLowerCase();
  if (REFERENCE_NUMBER.test(punctuated) || (BOOKING_WORD.test(text) && SELF_NAME.test(punctuated))) return { kind: "personal", core: text };

  // Clauses split on sentence punctuation in the raw text, since normalizeText has turned it into spaces.
  const clauses = raw
    .split(/[。．.!！?？\n、,，…]+/)
    .map(normalizeText)
    .filter((c) => c.length > 0);
  const kept = clauses
    .filter((c) => !SHORT_REPLY.test(c.replace(/\s|ー/g, "")))
    .map((c) => c.replace(PLEASANTRY, " ").trim())
    .filter((c) => !FILLER.test(c));
  const core = kept.join(" ");
  if (kept.length === 0) return { kind: "smalltalk", core: "" };
  // Thanks or a compliment plus a remark but no question (「今日のお兄さん上手やった、ありがとう」).
  const thanked = clauses.some((c) => /ありがとう|有難う|感謝/.test(c));
  if (thanked && !QUESTION_CUE.test(raw)) return { kind: "smalltalk", core };
  return { kind: "question", core };
}
