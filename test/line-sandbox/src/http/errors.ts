// Error answers in the shapes the real services use, thrown by handlers and turned into responses in one
// place (`errorResponse`, used by `app.onError` and by the endpoint wrapper that records calls).
//   Messaging API: {"message": "...", "details": [{"message": "...", "property": "..."}]}
//     https://developers.line.biz/en/reference/messaging-api/#error-responses
//   LINE Login:    {"error": "invalid_request", "error_description": "..."}
// Where LINE's exact wording is not documented the sandbox's messages are close paraphrases: match on
// status codes, not on message text.
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type LineErrorDetail = { message: string; property?: string };

export class SandboxHttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: ContentfulStatusCode, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    super(typeof body.message === "string" ? body.message : String(body.error_description ?? status));
    this.name = "SandboxHttpError";
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export function lineError(
  status: ContentfulStatusCode,
  message: string,
  details: LineErrorDetail[] = [],
  headers: Record<string, string> = {},
): SandboxHttpError {
  // LINE leaves `details` out when it would be empty.
  return new SandboxHttpError(status, details.length > 0 ? { message, details } : { message }, headers);
}

/** LINE's answer to a request body that fails validation. */
export function bodyErrors(details: LineErrorDetail[]): SandboxHttpError {
  return lineError(400, `The request body has ${details.length} error(s)`, details);
}

export function notFound(message = "Not found"): SandboxHttpError {
  return lineError(404, message);
}

export function loginError(description: string, error = "invalid_request"): SandboxHttpError {
  return new SandboxHttpError(400, { error, error_description: description });
}

export function errorResponse(err: unknown): Response {
  if (err instanceof SandboxHttpError) {
    return Response.json(err.body, { status: err.status, headers: err.headers });
  }
  // A bug in the sandbox, not a simulated LINE failure: say so loudly.
  console.error("[line-sandbox] unexpected error", err);
  return Response.json({ message: "Sandbox internal error (a bug in the sandbox)" }, { status: 500 });
}
