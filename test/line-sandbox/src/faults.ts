// Fault injection: make the next N calls of an endpoint fail the way LINE's infrastructure can.
// The modes differ in whether the message got through, which is what retry keys are about:
//   "5xx"              answer 500, deliver nothing: a retry (same key) must deliver exactly once;
//   "5xx-after-accept" deliver, then answer 500 as if the answer was lost: a retry with the same key gets 409;
//   "429"              answer 429 (rate limit), deliver nothing;
//   "timeout"          hold the request until the client gives up (or timeoutHoldMs), deliver nothing;
//   "slow"             wait delayMs, then handle the request normally.
import { z } from "zod";
import type { SandboxState } from "./state.ts";

export const FAULT_MODES = ["5xx", "5xx-after-accept", "429", "timeout", "slow"] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export type Fault = {
  id: string;
  /** An endpoint name as in the call log (`push`, `reply`, …) or "*" for every LINE endpoint. */
  endpoint: string;
  mode: FaultMode;
  /** Calls left to affect; null = until cleared. */
  remaining: number | null;
  delayMs: number | null;
  hits: number;
};

export const FaultInputSchema = z.object({
  endpoint: z.string().min(1),
  mode: z.enum(FAULT_MODES),
  times: z.number().int().positive().optional(),
  delayMs: z.number().int().nonnegative().optional(),
});
export type FaultInput = z.infer<typeof FaultInputSchema>;

export function addFault(state: SandboxState, input: FaultInput): Fault {
  const fault: Fault = {
    id: `fault-${globalThis.crypto.randomUUID().slice(0, 8)}`,
    endpoint: input.endpoint,
    mode: input.mode,
    remaining: input.times ?? null,
    delayMs: input.delayMs ?? null,
    hits: 0,
  };
  state.faults.push(fault);
  return fault;
}

/** Faults apply in the order they were added; each call consumes one use of the first match. */
export function takeFault(state: SandboxState, endpoint: string): Fault | null {
  const fault = state.faults.find((f) => f.endpoint === endpoint || f.endpoint === "*");
  if (!fault) return null;
  fault.hits += 1;
  if (fault.remaining !== null) {
    fault.remaining -= 1;
    if (fault.remaining <= 0) state.faults.splice(state.faults.indexOf(fault), 1);
  }
  return fault;
}

export function clearFaults(state: SandboxState, endpoint?: string): number {
  const before = state.faults.length;
  const kept = endpoint ? state.faults.filter((f) => f.endpoint !== endpoint) : [];
  state.faults.splice(0, state.faults.length, ...kept);
  return before - kept.length;
}

/** Resolves after `ms`, or early when `signal` aborts (client gave up, sandbox reset or closed). */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
