// `pnpm bench`: runs every benchmark script in test/bench one after another and prints their figures.
// Each script starts what it needs on its own ports and stops it again. Latest figures: docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".test.ts") && !f.startsWith("_"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let failed = 0;
for (const script of scripts) {
  const path = join(dir, script);
  if (!existsSync(path)) continue;
  console.log(`\n=== ${script} ===`);
  const result = spawnSync(process.execPath, ["--experimental-strip-types", "--no-warnings", path], { stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    console.log(`!!! ${script} exited with ${result.status ?? result.signal}`);
  }
}
console.log(`\n${scripts.length - failed} benchmark(s) ran, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
