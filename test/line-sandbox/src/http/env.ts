// Hono environment shared by every route of the sandbox, plus the request-body helpers handlers use.
import type { Context } from "hono";
import { lineError } from "./errors.ts";

export type SandboxEnv = {
  Variables: {
    /** `x-line-request-id` of this request; set for every response. */
    requestId: string;
    /** Endpoint name used in the call log and for faults (`push`, `reply`, …). */
    endpoint: string;
    /** Parsed body as the endpoint wrapper read it (JSON value, form fields or a binary summary). */
    body: unknown;
    /** Raw body bytes, for binary uploads. */
    rawBody: Uint8Array | null;
    /** True when a JSON endpoint received a body that is not JSON. */
    bodyInvalid: boolean;
  };
};

export type SandboxContext = Context<SandboxEnv>;

/** LINE rejects request bodies over 2 MB. */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024;

/** The JSON body of a Messaging API request, or LINE's 400 when it is not JSON. */
export function jsonBody(c: SandboxContext): unknown {
  const raw = c.get("rawBody");
  if (raw && raw.byteLength > MAX_JSON_BODY_BYTES) throw lineError(413, "Request Entity Too Large");
  if (c.get("bodyInvalid")) throw lineError(400, "The request body is not valid JSON");
  return c.get("body");
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads the body once, before auth and faults, so even rejected calls are logged with what was sent. */
export async function readBody(c: SandboxContext, kind: "json" | "binary" | "form" | "none"): Promise<void> {
  c.set("body", null);
  c.set("rawBody", null);
  c.set("bodyInvalid", false);
  if (kind === "none" || c.req.method === "GET" || c.req.method === "DELETE") return;
  const raw = new Uint8Array(await c.req.arrayBuffer());
  c.set("rawBody", raw);
  if (kind === "binary") {
    c.set("body", { contentType: c.req.header("content-type") ?? null, byteLength: raw.byteLength });
    return;
  }
  const text = new TextDecoder().decode(raw);
  if (kind === "form") {
    c.set("body", Object.fromEntries(new URLSearchParams(text)));
    return;
  }
  if (text.trim() === "") return;
  try {
    c.set("body", JSON.parse(text));
  } catch {
    c.set("body", text);
    c.set("bodyInvalid", true);
  }
}
