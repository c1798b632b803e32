import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runToEnd, spawnManaged } from "./process.ts";

/** Running, and not a zombie: an orphan reparented to a container's PID 1 may stay unreaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

const quiet = () => {};

describe("managed processes", () => {
  it("stops the whole process group, grandchildren included", async () => {
    // The shell stands for wrangler, its background sleep for the workerd it starts.
    const proc = spawnManaged("group", "sh", ["-c", "sleep 30 & echo $!; wait"], { cwd: process.cwd(), log: quiet });
    const grandchild = await new Promise<number>((resolve) => {
      proc.child.stdout?.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    });
    expect(alive(grandchild)).toBe(true);
    await proc.stop(1_000);
    // Signals are delivered asynchronously: give the grandchild a moment to go.
    const deadline = Date.now() + 2_000;
    while (alive(grandchild) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alive(grandchild)).toBe(false);
  });

  it("kills a child that ignores SIGTERM after the grace period", async () => {
    const proc = spawnManaged("stubborn", "sh", ["-c", "trap '' TERM; echo ready; sleep 30"], { cwd: process.cwd(), log: quiet });
    await new Promise((resolve) => proc.child.stdout?.once("data", resolve));
    const started = Date.now();
    await proc.stop(200);
    expect(proc.child.exitCode !== null || proc.child.signalCode !== null).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports a failed command with its last output", async () => {
    await expect(
      runToEnd("fails", "sh", ["-c", "echo 'no such table: friends' >&2; exit 3"], { cwd: process.cwd(), log: quiet }),
    ).rejects.toThrow(/fails failed \(exit 3\)[\s\S]*no such table: friends/);
  });
});
