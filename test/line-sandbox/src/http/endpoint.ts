// The wrapper every emulated LINE endpoint goes through: read the body, check the bearer token and the
// X-Line-Retry-Key header as LINE does, apply an injected fault, then record the call (whatever its
// outcome) in the call log that tests and the simulator read.
import type { MiddlewareHandler } from "hono";
import { type Fault, takeFault, wait } from "../faults.ts";
import { appendBounded, isoAt, type SandboxState } from "../state.ts";
import { readBody, type SandboxContext, type SandboxEnv } from "./env.ts";
import { errorResponse, lineError } from "./errors.ts";

export type EndpointOptions = {
  /** Messaging API calls need the channel access token; LINE Login endpoints do not. */
  auth?: boolean;
  /** Only push, multicast, narrowcast and broadcast accept X-Line-Retry-Key; others answer 400. */
  retryKey?: boolean;
  body?: "json" | "binary" | "form" | "none";
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkBearer(c: SandboxContext, state: SandboxState): void {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) {
    throw lineError(401, "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'");
  }
  if (match[1]?.trim() !== state.channel.channelAccessToken) {
    throw lineError(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
  }
}

/** https://developers.line.biz/en/docs/messaging-api/retrying-api-request/ */
function checkRetryKeyHeader(retryKey: string | null, allowed: boolean): void {
  if (retryKey === null) return;
  if (!allowed) throw lineError(400, "X-Line-Retry-Key is not supported by this endpoint");
  if (!UUID.test(retryKey)) throw lineError(400, "The value of X-Line-Retry-Key is invalid: specify a UUID");
}

async function runWithFault(c: SandboxContext, state: SandboxState, fault: Fault | null, next: () => Promise<void>): Promise<void> {
  if (!fault) return next();
  switch (fault.mode) {
    case "5xx":
      throw lineError(500, "Internal server error (injected fault)");
    case "429":
      throw lineError(429, "The API rate limit has been exceeded. Try again later.");
    case "timeout": {
      // Hold the request, never handle it: the client sees a timeout, nothing is delivered.
      const held = new AbortController();
      const onClientGone = () => held.abort();
      c.req.raw.signal.addEventListener("abort", onClientGone, { once: true });
      state.held.add(held);
      await wait(fault.delayMs ?? state.config.timeoutHoldMs, held.signal);
      state.held.delete(held);
      c.req.raw.signal.removeEventListener("abort", onClientGone);
      throw lineError(504, "Gateway Timeout (injected fault)");
    }
    case "slow": {
      // Deliver late, even if the client has given up meanwhile: that is how duplicates happen.
      const held = new AbortController();
      state.held.add(held);
      await wait(fault.delayMs ?? 1_000, held.signal);
      state.held.delete(held);
      return next();
    }
    case "5xx-after-accept":
      await next();
      // LINE accepted (and delivered) but the answer was lost on the way back.
      if (c.res.status < 300) c.res = errorResponse(lineError(500, "Internal server error (injected fault)"));
      return;
  }
}

async function responseJson(res: Response): Promise<unknown> {
  if (!res.headers.get("content-type")?.includes("json")) return null;
  try {
    return await res.clone().json();
  } catch {
    return null;
  }
}

export function lineEndpoint(state: SandboxState, name: string, options: EndpointOptions = {}): MiddlewareHandler<SandboxEnv> {
  return async function lineEndpointWrapper(c, next) {
    c.set("endpoint", name);
    await readBody(c, options.body ?? "json");
    const retryKey = c.req.header("x-line-retry-key") ?? null;
    let fault: Fault | null = null;
    try {
      if (options.auth !== false) checkBearer(c, state);
      checkRetryKeyHeader(retryKey, options.retryKey ?? false);
      fault = takeFault(state, name);
      await runWithFault(c, state, fault, next);
    } catch (err) {
      // Errors thrown by the handler itself already became c.res through app.onError.
      c.res = errorResponse(err);
    }
    appendBounded(state.calls, {
      endpoint: name,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      retryKey,
      requestId: c.get("requestId"),
      body: c.get("body"),
      response: await responseJson(c.res),
      fault: fault?.mode ?? null,
      at: isoAt(state),
    });
  };
}
