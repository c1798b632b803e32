/**
 * Work nobody waits for — a cache write after the reply has gone. Services add tasks; whoever owns the
 * invocation (the queue consumer after each message, the app after each response, cron after its run)
 * runs them once the answer is out, inside the invocation's `waitUntil` where there is one.
 */
export class Afterwards {
  readonly #tasks: Array<() => Promise<unknown>> = [];

  /** The task runs later, once; its failure is logged, never thrown at anyone. */
  add(name: string, task: () => Promise<unknown>): void {
    this.#tasks.push(() =>
      task().catch((error: unknown) => console.error(JSON.stringify({ msg: "afterwards_failed", task: name, error: String(error) }))),
    );
  }

  /** Runs the tasks added so far, one after another; tasks they add run too. */
  async run(): Promise<void> {
    for (let task = this.#tasks.shift(); task; task = this.#tasks.shift()) await task();
  }

  /** Hands the run to `waitUntil` when the invocation has one, else awaits it. */
  settle(ctx: Pick<ExecutionContext, "waitUntil"> | undefined): Promise<void> {
    if (!ctx) return this.run();
    ctx.waitUntil(this.run());
    return Promise.resolve();
  }
}
