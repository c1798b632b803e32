import { type BotAction, saveFaqTurn } from "@enishi/db";
import { decide, type FaqEntry } from "@enishi/shared/faq/index";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import { type LineMessage, sendToUser } from "../../line/send.ts";
import { type BotSettings, getBotSettings } from "../business-hours/bot-settings.service.ts";
import { handOverToStaff, recordMiss } from "../takeover/handover.service.ts";
import { type ChatState, changeTakeover } from "../takeover/takeover.service.ts";
import { faqFor, type LoadedFaq } from "./faq-index.ts";
import { answerMessage, notSolvedMessage, SOLVED_TEXT, smallTalkText, suggestMessage } from "./faq-messages.ts";
import { suggestPhrasing } from "./learning.service.ts";
import { showLoading } from "./loading.ts";

/** One turn of the bot: what the customer did and how to answer (keyed, so a re-run sends nothing twice). */
export interface BotTurn {
  userId: string;
  key: string;
  replyToken?: string | undefined;
  /** the webhook event's time: stable across re-runs */
  at: number;
  /** the chat as read when the turn began (its takeover state let the bot answer) */
  chat: ChatState;
}

const Candidates = z.array(z.string()).catch([]);

function entriesOf(faq: LoadedFaq, ids: readonly string[]): FaqEntry[] {
  return ids.flatMap((id) => {
    const entry = faq.entries.get(id);
    return entry ? [entry] : [];
  });
}

async function send(deps: Deps, turn: BotTurn, messages: LineMessage[]): Promise<void> {
  await sendToUser(deps.db, deps.line, { to: turn.userId, messages, sender: "bot", key: turn.key, replyToken: turn.replyToken });
}

async function loadFaq(deps: Deps): Promise<{ settings: BotSettings; faq: LoadedFaq }> {
  const settings = await getBotSettings(deps);
  return { settings, faq: await faqFor(deps, settings.faqVersion) };
}

/**
 * A customer's text while the bot has the chat (issue 4 §2): answer, offer choices, hand over, or small
 * talk — never a bluff. The loading animation shows meanwhile.
 */
export async function answerCustomerText(deps: Deps, turn: BotTurn & { text: string; messageId: number | null }): Promise<BotAction> {
  const loading = showLoading(deps, turn.userId);
  const { settings, faq } = await loadFaq(deps);
  const result = decide(faq.index, turn.text);
  console.log(
    JSON.stringify({
      msg: "faq_decision",
      action: result.action,
      kind: result.trace.kind,
      ids: result.ids,
      confidence: Number(result.trace.confidence.toFixed(3)),
      choiceConfidence: Number(result.trace.choiceConfidence.toFixed(3)),
      faqVersion: faq.version,
    }),
  );
  const handover = { ...turn, question: turn.text, settings };
  const remember = (answerId: string | null, candidates: readonly string[]) =>
    saveFaqTurn(deps.db, turn.userId, { question: turn.text, messageId: turn.messageId, answerId, candidates }, turn.at);
  let action: BotAction;
  switch (result.action) {
    case "smalltalk":
      await send(deps, turn, [{ type: "text", text: smallTalkText(turn.text) }]);
      action = "smalltalk";
      break;
    case "human":
      await handOverToStaff(deps, { ...handover, reason: "requested" });
      action = "handover";
      break;
    case "escalate":
      await handOverToStaff(deps, { ...handover, reason: result.trace.kind === "negative" ? "negative" : "out-of-scope" });
      action = "handover";
      break;
    case "answer": {
      const [entry] = entriesOf(faq, result.ids);
      if (!entry) throw new Error(`faq: answered with unknown entry ${result.ids[0]}`);
      await remember(entry.id, [entry.id, ...result.trace.candidates.map((c) => c.id).filter((id) => id !== entry.id)]);
      await send(deps, turn, [answerMessage(entry)]);
      action = "answered";
      break;
    }
    case "suggest": {
      // Unsure twice in a row is one miss too many: a person takes over instead of a second guess.
      if (await recordMiss(deps, handover)) {
        action = "handover";
        break;
      }
      await remember(null, result.ids);
      await send(deps, turn, [suggestMessage(entriesOf(faq, result.ids))]);
      action = "suggested";
      break;
    }
  }
  await loading;
  return action;
}

/** The customer picked one of the offered questions: its answer, with 解決した / 解決しない. */
export async function answerChosenEntry(deps: Deps, turn: BotTurn & { entryId: string }): Promise<BotAction> {
  const { settings, faq } = await loadFaq(deps);
  const entry = faq.entries.get(turn.entryId);
  const conversation = turn.chat.row;
  if (!entry) {
    // An old choice whose entry was removed or disabled since.
    await handOverToStaff(deps, { ...turn, reason: "out-of-scope", question: conversation?.faq_question ?? null, settings });
    return "handover";
  }
  const candidates = Candidates.parse(safeJson(conversation?.faq_candidates));
  await saveFaqTurn(
    deps.db,
    turn.userId,
    { question: conversation?.faq_question ?? null, messageId: conversation?.faq_message_id ?? null, answerId: entry.id, candidates },
    turn.at,
  );
  await send(deps, turn, [answerMessage(entry)]);
  return "answered";
}

/**
 * 解決した: thanks, the miss count resets, and the question that led here is suggested as a new phrasing
 * of the entry (pending review). 解決しない: one miss; the other entries the bot considered, or a person.
 */
export async function handleFeedback(deps: Deps, turn: BotTurn & { entryId: string; solved: boolean }): Promise<BotAction> {
  const conversation = turn.chat.row;
  // Only feedback on the latest answer teaches anything: an old message's buttons may be tapped late.
  const current = conversation?.faq_answer_id === turn.entryId;
  if (turn.solved) {
    await changeTakeover(deps, turn.userId, { type: "helped", at: turn.at });
    if (current && conversation?.faq_question) {
      const outcome = await suggestPhrasing(deps, {
        entryId: turn.entryId,
        question: conversation.faq_question,
        source: "confirmed",
        lineUserId: turn.userId,
        messageId: conversation.faq_message_id,
        suggestedBy: null,
        at: turn.at,
      });
      console.log(JSON.stringify({ msg: "faq_confirmed", entryId: turn.entryId, outcome }));
    }
    await send(deps, turn, [{ type: "text", text: SOLVED_TEXT }]);
    return "other";
  }
  const { settings, faq } = await loadFaq(deps);
  if (await recordMiss(deps, { ...turn, question: conversation?.faq_question ?? null, settings })) return "handover";
  const considered = current ? Candidates.parse(safeJson(conversation?.faq_candidates)) : [];
  await send(deps, turn, [
    notSolvedMessage(
      entriesOf(
        faq,
        considered.filter((id) => id !== turn.entryId),
      ),
    ),
  ]);
  return "suggested";
}

function safeJson(text: string | undefined): unknown {
  if (!text) return [];
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}
