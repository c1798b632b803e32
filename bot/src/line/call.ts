import { HTTPFetchError } from "@line/bot-sdk";
import { LineApiError } from "./errors.ts";

export interface CallOptions {
  /** Retry 5xx and timeouts. Only safe for idempotent calls or calls carrying an X-Line-Retry-Key. */
  retry: boolean;
  timeoutMs: number;
  maxAttempts?: number;
  /** Base of the exponential backoff; tests shorten it. */
  backoffMs?: number;
}

export interface CallResult<T> {
  body: T | undefined;
  requestId: string | null;
  /** 409 on a retry key: LINE had accepted this exact request before. Treated as delivered. */
  alreadyAccepted: boolean;
  attempts: number;
}

interface HttpInfo<T> {
  httpResponse: Response;
  body: T;
}

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    if (timer !== null) clearTimeout(timer);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function logCall(endpoint: string, status: number | string, requestId: string | null, attempt: number): void {
  // LINE keeps no logs for us: the request id is what their support asks for.
  console.log(JSON.stringify({ msg: "line_api", endpoint, status, requestId, attempt }));
}

/**
 * Runs one LINE API call with a timeout, retries with exponential backoff on 5xx and timeouts (when
 * `retry`), never on 4xx, takes 409 as already delivered, and classifies 429 (burst vs monthly quota).
 * The SDK does not retry by itself. https://developers.line.biz/en/docs/messaging-api/retrying-api-request/
 */
export async function callLine<T>(endpoint: string, run: () => Promise<HttpInfo<T>>, options: CallOptions): Promise<CallResult<T>> {
  const maxAttempts = options.retry ? (options.maxAttempts ?? 4) : 1;
  const backoff = options.backoffMs ?? 200;
  let last: LineApiError | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const { httpResponse, body } = await withTimeout(run(), options.timeoutMs);
      const requestId = httpResponse.headers.get("x-line-request-id");
      logCall(endpoint, httpResponse.status, requestId, attempt);
      return { body, requestId, alreadyAccepted: false, attempts: attempt };
    } catch (error) {
      if (error instanceof HTTPFetchError) {
        const requestId = error.headers.get("x-line-request-id");
        logCall(endpoint, error.status, requestId, attempt);
        if (error.status === 409 && options.retry) {
          return {
            body: undefined,
            requestId: error.headers.get("x-line-accepted-request-id") ?? requestId,
            alreadyAccepted: true,
            attempts: attempt,
          };
        }
        if (error.status === 429) {
          const quotaExhausted = /monthly limit/i.test(error.body);
          throw new LineApiError(endpoint, quotaExhausted ? "LINE monthly message quota exhausted" : "LINE rate limit hit", {
            status: 429,
            requestId,
            body: error.body,
            permanent: false,
            rateLimited: true,
            quotaExhausted,
          });
        }
        const permanent = error.status < 500;
        last = new LineApiError(endpoint, `LINE ${endpoint} answered ${error.status}`, {
          status: error.status,
          requestId,
          body: error.body,
          permanent,
        });
        if (permanent) throw last;
      } else if (error instanceof Timeout) {
        logCall(endpoint, "timeout", null, attempt);
        last = new LineApiError(endpoint, `LINE ${endpoint} timed out`, { status: null, requestId: null, body: "", permanent: false });
      } else if (error instanceof TypeError) {
        // fetch's network failure.
        logCall(endpoint, "network", null, attempt);
        last = new LineApiError(endpoint, `LINE ${endpoint} unreachable: ${error.message}`, {
          status: null,
          requestId: null,
          body: "",
          permanent: false,
        });
      } else {
        throw error;
      }
      if (attempt < maxAttempts) await sleep(backoff * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
    }
  }
  throw last ?? new Error("unreachable");
}
