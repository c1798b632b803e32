/**
 * The typed API client: `hc<AppType>` over the Worker's Hono app, so request and answer types come from the
 * routes themselves. Every call carries the LIFF ID token; the server verifies it and decides who this is.
 */
import type { AppType } from "@enishi/bot/app";
import type { ErrorCode } from "@enishi/shared";
import { type ClientResponse, hc } from "hono/client";
import { getIdToken } from "./liff.ts";

export type ApiErrorCode = ErrorCode | "network" | "unexpected";

export interface FieldIssue {
  path: string;
  message: string;
}

/** A failed API call, carrying the shared error body's code (`{ error: { code, message, requestId } }`). */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly requestId?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The per-field issues of a `validation_failed` answer (see bot/src/validation.ts). */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((item: unknown) =>
      typeof item === "object" && item !== null && "path" in item && "message" in item
        ? [{ path: String(item.path), message: String(item.message) }]
        : [],
    );
  }
}

async function authorizedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const attempt = async (forceRefresh: boolean) => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${await getIdToken({ forceRefresh })}`);
    return fetch(input, { ...init, headers });
  };
  const response = await attempt(false);
  if (response.status !== 401) return response;
  // LIFF may have handed out a cached token that just expired: renew it once and try again.
  return attempt(true);
}

export const client = hc<AppType>(window.location.origin, { fetch: authorizedFetch });

type SuccessStatus = 200 | 201 | 202 | 204;
/** The JSON body type of the successful answers among a route's possible responses. */
export type OkBody<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatus ? T : never) : never;

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = typeof body === "object" && body !== null && "error" in body ? body.error : undefined;
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    const message = "message" in error && typeof error.message === "string" ? error.message : response.statusText;
    const requestId = "requestId" in error && typeof error.requestId === "string" ? error.requestId : undefined;
    return new ApiError(response.status, error.code as ErrorCode, message, requestId, "details" in error ? error.details : undefined);
  }
  return new ApiError(response.status, "unexpected", `HTTP ${response.status} ${response.statusText}`);
}

/** Awaits an `hc` call; an unreachable server becomes ApiError `network`. */
export async function settle<R>(call: Promise<R>): Promise<R> {
  try {
    return await call;
  } catch (error) {
    // fetch rejects with a TypeError when offline; sign-in problems (LiffSetupError) pass through as they are.
    if (error instanceof TypeError) throw new ApiError(0, "network", error.message);
    throw error;
  }
}

/**
 * Awaits an `hc` call and returns its JSON body, or throws an ApiError: the shared error body when the
 * server sent one, `network` when it could not be reached.
 */
export async function readJson<R extends ClientResponse<unknown, number, "json">>(call: Promise<R>): Promise<OkBody<R>> {
  const response = await settle(call);
  if (!response.ok) throw await toApiError(response as unknown as Response);
  return (await response.json()) as OkBody<R>;
}
