/**
 * `pnpm faq:eval --faq FILE --queries FILE [--learn FILE] [--out FILE]` (issue 4 §4).
 *
 * The same code path as the bot: builds the matcher from the FAQ file alone (plus `--learn` lines, taken
 * as questions staff attached to an entry), decides every query, writes one JSON line per query and
 * prints the four figures. Reads nothing but its arguments: no database, no network.
 * Exit codes: 0 done, 2 bad arguments or input files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { z } from "zod";
import {
  buildFaqIndex,
  computeFigures,
  decide,
  type FaqFile,
  FaqFileSchema,
  formatFigures,
  LabelledQuerySchema,
  scoredAction,
} from "../../shared/src/faq/index.ts";

const USAGE = "usage: pnpm faq:eval --faq FILE --queries FILE [--learn FILE] [--out FILE]";

class InputError extends Error {}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(`cannot read ${what} file ${path}: ${(error as Error).message}`);
  }
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

function readFaq(path: string): FaqFile {
  let json: unknown;
  try {
    json = JSON.parse(readText(path, "--faq"));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = FaqFileSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${path} is not an FAQ file ({shop, domain, entries}): ${issues(parsed.error)}`);
  return parsed.data;
}

// `expected` may be absent in a queries file: such lines are decided and written but not scored.
const QueryLineSchema = LabelledQuerySchema.extend({ expected: LabelledQuerySchema.shape.expected.optional() });
type QueryLine = z.infer<typeof QueryLineSchema>;

function readLines(path: string, what: string, ids: ReadonlySet<string>): QueryLine[] {
  return readText(path, what)
    .split("\n")
    .map((line, i) => ({ line: line.trim(), at: `${path}:${i + 1}` }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, at }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new InputError(`${at}: not a JSON line`);
      }
      const parsed = QueryLineSchema.safeParse(json);
      if (!parsed.success) throw new InputError(`${at}: expected {"q": string, "expected": id | null}: ${issues(parsed.error)}`);
      const { expected } = parsed.data;
      if (typeof expected === "string" && !ids.has(expected))
        throw new InputError(`${at}: "${expected}" is not an entry id of the FAQ file`);
      return parsed.data;
    });
}

function main(argv: string[]): void {
  let values: { faq?: string; queries?: string; learn?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { faq: { type: "string" }, queries: { type: "string" }, learn: { type: "string" }, out: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  if (!values.faq || !values.queries) throw new InputError("--faq and --queries are required");

  const faq = readFaq(values.faq);
  const ids = new Set(faq.entries.map((e) => e.id));
  const queries = readLines(values.queries, "--queries", ids);
  const learnLines = values.learn ? readLines(values.learn, "--learn", ids) : [];
  // Learned lines with an entry are staff-attached questions; null lines (staff answered without an entry) are known out-of-scope messages.
  const learned = learnLines.flatMap((l) => (typeof l.expected === "string" ? [{ id: l.expected, question: l.q }] : []));
  const outOfScope = learnLines.flatMap((l) => (l.expected === null ? [l.q] : []));

  const index = buildFaqIndex(faq.entries, { learned, outOfScope });
  const results = queries.map((query) => {
    const result = decide(index, query.q);
    return { query, action: scoredAction(result.action), ids: result.ids };
  });
  if (values.out) {
    writeFileSync(
      values.out,
      results.map(({ query, action, ids: out }) => `${JSON.stringify({ q: query.q, action, ids: out })}\n`).join(""),
    );
  }

  const scored = results.flatMap((r) =>
    r.query.expected === undefined ? [] : [{ expected: r.query.expected, action: r.action, ids: r.ids }],
  );
  console.log(
    `${faq.shop} (${faq.domain}): ${faq.entries.length} entries, ${learned.length} learned questions, ${scored.length} labelled queries`,
  );
  for (const line of formatFigures(computeFigures(scored))) console.log(line);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  console.error(`faq:eval: ${error.message}\n${USAGE}`);
  process.exit(2);
}
