import type { ErrorCode } from "@enishi/shared";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The one error type routes and services throw; `onError` turns it into the shared error body. */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, "bad_request", message, details);
export const unauthorized = (message = "Sign-in required / ログインが必要です") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "You do not have access / 権限がありません") => new AppError(403, "forbidden", message);
export const notFound = (message = "Not found / 見つかりません") => new AppError(404, "not_found", message);
export const conflict = (message: string, details?: unknown) => new AppError(409, "conflict", message, details);
