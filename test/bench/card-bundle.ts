// The customer area's initial JavaScript, gzipped, without the LIFF SDK (goal ≤ 60 kB), from a production
// build of the LIFF app. "Initial" = the entry chunk and every chunk it imports statically (what
// index.html loads or preloads). The member card page is a lazy chunk that the app starts downloading at
// boot when the first URL is /card; it is reported on top, as "card landing".
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { REPO_ROOT } from "../dev/stack.ts";

const GOAL_KB = 60;
const OUT = join(REPO_ROOT, ".wrangler", "bench-card-bundle");
const LIFF_SDK = /^liff-sdk-/;

function build(): void {
  rmSync(OUT, { recursive: true, force: true });
  const vite = join(REPO_ROOT, "liff-app", "node_modules", "vite", "bin", "vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--outDir", OUT, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: join(REPO_ROOT, "liff-app"),
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`vite build failed (${result.status ?? result.signal})`);
}

const read = (file: string) => readFileSync(join(OUT, "assets", file));
const gzipKb = (file: string) => gzipSync(read(file), { level: 9 }).length / 1000;

/** Chunks a chunk imports statically (`import … from "./x.js"`), not dynamic `import("./x.js")`. */
function staticImports(file: string): string[] {
  const code = read(file).toString("utf8");
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) if (m[1]) found.add(m[1]);
  return [...found];
}

function closure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...staticImports(file));
  }
  return seen;
}

function main(): void {
  build();
  const html = readFileSync(join(OUT, "index.html"), "utf8");
  const entries = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const initial = closure(entries);
  const cardChunk = findChunk(entries, "member-card-page-");
  const card = cardChunk ? [...closure([cardChunk])].filter((f) => !initial.has(f)) : [];

  const rows = [...initial].sort().map((f) => ({ file: f, kb: gzipKb(f), sdk: LIFF_SDK.test(f) }));
  const total = rows.filter((r) => !r.sdk).reduce((sum, r) => sum + r.kb, 0);
  const sdk = rows.filter((r) => r.sdk).reduce((sum, r) => sum + r.kb, 0);
  const cardKb = card.reduce((sum, f) => sum + gzipKb(f), 0);

  console.log(`\nCustomer bundle (production build, gzip -9) — ${new Date().toISOString()}\n`);
  console.log("| chunk | gzip kB |");
  console.log("|---|---|");
  for (const r of rows) console.log(`| ${r.file}${r.sdk ? " (LIFF SDK, excluded)" : ""} | ${r.kb.toFixed(1)} |`);
  for (const f of card) console.log(`| ${f} (card page, lazy, preloaded on /card) | ${gzipKb(f).toFixed(1)} |`);
  console.log(
    `\ninitial JS of the customer area without the LIFF SDK: ${total.toFixed(1)} kB (goal ≤ ${GOAL_KB} kB) ${total <= GOAL_KB ? "OK" : "OVER"}`,
  );
  console.log(`LIFF SDK (pluggable core + modules): ${sdk.toFixed(1)} kB; card landing adds ${cardKb.toFixed(1)} kB`);
}

/** A lazy chunk named in a dynamic `import("./<prefix>….js")` of the initial chunks. */
function findChunk(entries: readonly string[], prefix: string): string | undefined {
  for (const file of closure(entries)) {
    const m = read(file)
      .toString("utf8")
      .match(new RegExp(`import\\(\\s*["'\`]\\./(${prefix}[^"'\`]+\\.js)["'\`]`));
    if (m?.[1]) return basename(m[1]);
  }
  return undefined;
}

main();
