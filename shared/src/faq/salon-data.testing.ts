/**
 * Tests only (Node): the salon development set, read in place from ../shared/faq/salon next to the
 * repository (never copied into it). Absent on a machine without that folder: the tests that need it skip.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type FaqEntry, FaqFileSchema, type LabelledQuery, LabelledQuerySchema } from "./schema.ts";

export const salonDir = fileURLToPath(new URL("../../../../shared/faq/salon/", import.meta.url));
export const salonPresent = existsSync(`${salonDir}faq.json`) && existsSync(`${salonDir}queries.jsonl`);

/** A describe title that says why the block was skipped when the data is missing. */
export function salonTitle(title: string): string {
  if (salonPresent) return title;
  console.warn(`${title}: skipped, ${salonDir} not found (the data lives next to the repository)`);
  return `${title} — SKIPPED: no data in ${salonDir}`;
}

export function loadSalon(): { entries: FaqEntry[]; queries: LabelledQuery[] } {
  const faq = FaqFileSchema.parse(JSON.parse(readFileSync(`${salonDir}faq.json`, "utf8")));
  const queries = readFileSync(`${salonDir}queries.jsonl`, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => LabelledQuerySchema.parse(JSON.parse(line)));
  return { entries: faq.entries, queries };
}
