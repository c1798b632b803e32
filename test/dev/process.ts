// Child processes that never outlive us. Each child leads its own process group (detached), so stopping
// it signals the whole group: wrangler and the workerd it spawns go together, and Ctrl-C leaves no orphan.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export type LogLine = (source: string, line: string) => void;

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal); never rejects. */
  readonly exited: Promise<number | null>;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the leader is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  log: LogLine;
}

const running = new Set<ManagedProcess>();

export function spawnManaged(name: string, command: string, args: readonly string[], options: SpawnOptions): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", (line) => options.log(name, line));
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (error) => {
      options.log(name, `failed to start: ${error.message}`);
      resolve(-1);
    });
  });
  const managed: ManagedProcess = {
    name,
    child,
    exited,
    async stop(graceMs = 5_000) {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, "SIGTERM");
        const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // The leader can exit before its children (workerd): make sure the rest of the group is gone too.
      signalGroup(child, "SIGKILL");
      running.delete(managed);
    },
  };
  running.add(managed);
  void exited.then(() => {
    if (child.exitCode !== null || child.signalCode !== null) running.delete(managed);
  });
  return managed;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * Runs a command to completion. On failure the error carries the command's last lines of output, since
 * a step like `wrangler d1 migrations apply` explains itself there.
 */
export async function runToEnd(name: string, command: string, args: readonly string[], options: SpawnOptions): Promise<void> {
  const tail: string[] = [];
  const proc = spawnManaged(name, command, args, {
    ...options,
    log: (source, line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      options.log(source, line);
    },
  });
  const code = await proc.exited;
  await proc.stop();
  if (code !== 0) {
    throw new Error(`${name} failed (exit ${code}): ${command} ${args.join(" ")}\n${tail.join("\n")}`);
  }
}

/** Stops every process started here and still running (Ctrl-C, test teardown, a failed start). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}
