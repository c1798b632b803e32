import type { FaqAlternateRow } from "@enishi/db";
import {
  bumpFaqVersionQuery,
  deleteFaqAlternateQuery,
  deleteFaqEntriesExceptQuery,
  deleteFaqEntryQuery,
  findFaqAlternate,
  findFaqAlternates,
  findFaqEntries,
  findFaqEntry,
  insertFaqEntryQuery,
  reviewFaqAlternateQuery,
  updateFaqEntryQuery,
  updateFaqFileInfoQuery,
  upsertFaqEntriesQueries,
} from "@enishi/db";
import { type FaqFile, FaqFileSchema } from "@enishi/shared/faq/index";
import { z } from "zod";
import { runBatch } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { conflict, notFound } from "../../errors.ts";
import { getBotSettings } from "../business-hours/bot-settings.service.ts";
import { toFaqEntry, toFaqEntryView } from "./faq-entries.ts";

const Question = z.string().trim().min(1, "Question is empty / 質問を入力してください").max(500, "Up to 500 characters / 500文字までです");
// The answer is sent as one LINE text message: 5,000 characters at most.
const Answer = z.string().trim().min(1, "Answer is empty / 回答を入力してください").max(5000, "Up to 5,000 characters / 5,000文字までです");
const Alternates = z
  .array(z.string().trim().min(1, "Empty phrasing / 空の言い換えがあります").max(500, "Up to 500 characters / 500文字までです"))
  .max(100, "Up to 100 phrasings / 言い換えは100件までです");
const EntryId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, "Letters, digits and - _ . : only, up to 100 / 英数字と - _ . : で100文字まで");

export const FaqEntryInputSchema = z.object({
  id: EntryId.optional(),
  question: Question,
  answer: Answer,
  alternates: Alternates.default([]),
  enabled: z.boolean().default(true),
});
export type FaqEntryInput = z.infer<typeof FaqEntryInputSchema>;
export const FaqEntryPatchSchema = FaqEntryInputSchema.omit({ id: true }).partial();

/** The import file: the shared format, with the same limits as the editor so nothing is half-imported. */
export const FaqImportSchema = z.object({
  file: FaqFileSchema.pipe(
    z.object({
      shop: z.string().max(200),
      domain: z.string().max(200),
      entries: z
        .array(z.object({ id: EntryId, question: Question, answer: Answer, alternates: Alternates }))
        .max(1000, "Up to 1,000 entries per file / 1ファイル1,000件までです"),
    }),
  ),
  /** merge: add and update; replace: also remove entries the file does not have */
  mode: z.enum(["merge", "replace"]).default("merge"),
});
export type FaqImport = z.infer<typeof FaqImportSchema>;

export async function listFaq(deps: Deps) {
  const [rows, settings] = await Promise.all([findFaqEntries(deps.db, { enabledOnly: false }), getBotSettings(deps)]);
  return { entries: rows.map(toFaqEntryView), version: settings.faqVersion, shop: settings.faqShop, domain: settings.faqDomain };
}

export async function createFaqEntry(deps: Deps, input: FaqEntryInput, at = Date.now()) {
  const id = input.id ?? `faq-${crypto.randomUUID().slice(0, 8)}`;
  const [inserted] = await runBatch(deps, [
    insertFaqEntryQuery(deps.db, {
      id,
      question: input.question,
      answer: input.answer,
      alternates: JSON.stringify(input.alternates),
      enabled: input.enabled ? 1 : 0,
      created_at: at,
      updated_at: at,
    }),
    bumpFaqVersionQuery(deps.db, at),
  ]);
  if (inserted?.meta.changes !== 1) throw conflict(`An entry with id "${id}" exists / ID「${id}」のFAQは既にあります`);
  const row = await findFaqEntry(deps.db, id);
  if (!row) throw notFound();
  return toFaqEntryView(row);
}

export async function updateFaqEntry(deps: Deps, id: string, patch: z.infer<typeof FaqEntryPatchSchema>, at = Date.now()) {
  const [updated] = await runBatch(deps, [
    updateFaqEntryQuery(deps.db, id, {
      ...(patch.question === undefined ? {} : { question: patch.question }),
      ...(patch.answer === undefined ? {} : { answer: patch.answer }),
      ...(patch.alternates === undefined ? {} : { alternates: JSON.stringify(patch.alternates) }),
      ...(patch.enabled === undefined ? {} : { enabled: patch.enabled ? 1 : 0 }),
      updated_at: at,
    }),
    bumpFaqVersionQuery(deps.db, at),
  ]);
  if (updated?.meta.changes !== 1) throw notFound("No such FAQ entry / FAQ が見つかりません");
  const row = await findFaqEntry(deps.db, id);
  if (!row) throw notFound("No such FAQ entry / FAQ が見つかりません");
  return toFaqEntryView(row);
}

export async function deleteFaqEntry(deps: Deps, id: string, at = Date.now()): Promise<void> {
  const [deleted] = await runBatch(deps, [deleteFaqEntryQuery(deps.db, id), bumpFaqVersionQuery(deps.db, at)]);
  if (deleted?.meta.changes !== 1) throw notFound("No such FAQ entry / FAQ が見つかりません");
}

/** All of the file or nothing: one D1 batch (entries, removals, file info, version). */
export async function importFaq(deps: Deps, input: FaqImport, at = Date.now()) {
  const entries = input.file.entries.map((e) => ({ ...e, alternates: JSON.stringify(e.alternates) }));
  await runBatch(deps, [
    ...(input.mode === "replace"
      ? [
          deleteFaqEntriesExceptQuery(
            deps.db,
            entries.map((e) => e.id),
          ),
        ]
      : []),
    ...upsertFaqEntriesQueries(deps.db, entries, at),
    updateFaqFileInfoQuery(deps.db, { shop: input.file.shop, domain: input.file.domain }, at),
    bumpFaqVersionQuery(deps.db, at),
  ]);
  return { imported: entries.length, mode: input.mode };
}

/** The shared file format; disabled entries are left out, since the format has no such flag. */
export async function exportFaq(deps: Deps): Promise<FaqFile> {
  const [rows, settings] = await Promise.all([findFaqEntries(deps.db, { enabledOnly: true }), getBotSettings(deps)]);
  return { shop: settings.faqShop, domain: settings.faqDomain, entries: rows.map(toFaqEntry) };
}

function toAlternateView(row: FaqAlternateRow, questions: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    entryId: row.entry_id,
    entryQuestion: questions.get(row.entry_id) ?? null,
    question: row.question,
    source: row.source,
    status: row.status,
    lineUserId: row.line_user_id,
    suggestedBy: row.suggested_by,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    at: row.created_at,
  };
}

export async function listAlternates(deps: Deps, status: FaqAlternateRow["status"] | undefined) {
  const [rows, entries] = await Promise.all([
    findFaqAlternates(deps.db, { ...(status ? { status } : {}), limit: 200 }),
    findFaqEntries(deps.db, { enabledOnly: false }),
  ]);
  const questions = new Map(entries.map((e) => [e.id, e.question]));
  return rows.map((r) => toAlternateView(r, questions));
}

/** Approve → the matcher learns the phrasing (version bump in the same batch); reject → it never does. */
export async function reviewAlternate(
  deps: Deps,
  id: number,
  decision: "approve" | "reject" | "delete",
  reviewer: string,
  at = Date.now(),
) {
  const row = await findFaqAlternate(deps.db, id);
  if (!row) throw notFound("No such suggestion / 候補が見つかりません");
  const change =
    decision === "delete"
      ? deleteFaqAlternateQuery(deps.db, id)
      : reviewFaqAlternateQuery(deps.db, id, { status: decision === "approve" ? "approved" : "rejected", reviewedBy: reviewer, at });
  await runBatch(deps, [change, bumpFaqVersionQuery(deps.db, at)]);
  const after = await findFaqAlternate(deps.db, id);
  return after ? toAlternateView(after, new Map()) : null;
}
