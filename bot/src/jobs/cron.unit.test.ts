import { describe, expect, it, vi } from "vitest";
import type { Deps } from "../deps.ts";
import { runCronTasks } from "./cron.ts";

describe("cron", () => {
  it("runs every task even when one fails, then fails naming it", async () => {
    const ran: string[] = [];
    const task = (name: string, fails = false) =>
      [
        name,
        async () => {
          ran.push(name);
          if (fails) throw new Error(`${name} broke`);
        },
      ] as const;
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(runCronTasks({} as Deps, 0, [task("members", true), task("broadcasts"), task("scenarios")])).rejects.toThrow(
      "cron: members failed",
    );
    expect(ran).toEqual(["members", "broadcasts", "scenarios"]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('"task":"members"'));
    log.mockRestore();
  });

  it("succeeds when every task does", async () => {
    const ran: string[] = [];
    await runCronTasks({} as Deps, 0, [
      ["a", async () => ran.push("a")],
      ["b", async () => ran.push("b")],
    ]);
    expect(ran).toEqual(["a", "b"]);
  });
});
