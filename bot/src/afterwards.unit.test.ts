import { afterEach, describe, expect, it, vi } from "vitest";
import { Afterwards } from "./afterwards.ts";

afterEach(() => vi.restoreAllMocks());

describe("Afterwards", () => {
  it("runs nothing until asked, then every task once, in order, including tasks added meanwhile", async () => {
    const later = new Afterwards();
    const ran: string[] = [];
    later.add("a", async () => {
      ran.push("a");
      later.add("c", async () => ran.push("c"));
    });
    later.add("b", async () => ran.push("b"));
    expect(ran).toEqual([]);
    await later.run();
    expect(ran).toEqual(["a", "b", "c"]);
    await later.run();
    expect(ran).toEqual(["a", "b", "c"]);
  });

  it("logs a failed task and still runs the next one", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const later = new Afterwards();
    const ran: string[] = [];
    later.add("store", () => Promise.reject(new Error("D1 unavailable")));
    later.add("next", async () => ran.push("next"));
    await expect(later.run()).resolves.toBeUndefined();
    expect(ran).toEqual(["next"]);
    expect(JSON.parse(String(errors.mock.calls[0]?.[0]))).toMatchObject({ msg: "afterwards_failed", task: "store" });
  });

  it("hands the run to waitUntil when the invocation has one, so the caller does not wait", async () => {
    const later = new Afterwards();
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let done = false;
    later.add("slow", async () => {
      await gate;
      done = true;
    });
    const handed: Promise<unknown>[] = [];
    await later.settle({ waitUntil: (work) => handed.push(work) });
    expect(done).toBe(false);
    expect(handed).toHaveLength(1);
    release();
    await handed[0];
    expect(done).toBe(true);
  });

  it("without an invocation to hand it to, settling awaits the tasks", async () => {
    const later = new Afterwards();
    let done = false;
    later.add("task", async () => {
      done = true;
    });
    await later.settle(undefined);
    expect(done).toBe(true);
  });
});
