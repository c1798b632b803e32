import type { ScanRefusal } from "@enishi/shared";
import { scanRefusalMessage } from "@enishi/shared";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError } from "../../errors.ts";

const STATUS: Record<ScanRefusal, { status: ContentfulStatusCode; code: "bad_request" | "conflict" | "not_found" | "forbidden" }> = {
  not_a_card_code: { status: 400, code: "bad_request" },
  invalid: { status: 400, code: "bad_request" },
  expired: { status: 400, code: "bad_request" },
  already_used: { status: 409, code: "conflict" },
  unknown_member: { status: 404, code: "not_found" },
  scan_expired: { status: 409, code: "conflict" },
  scan_not_yours: { status: 403, code: "forbidden" },
  no_points: { status: 400, code: "bad_request" },
  already_awarded: { status: 409, code: "conflict" },
  insufficient_points: { status: 409, code: "conflict" },
  unknown_store: { status: 400, code: "bad_request" },
};

/** A scanner refusal: the shared error body with `details.reason`, which the staff screen switches on. */
export function scanRefusal(reason: ScanRefusal, details: Record<string, unknown> = {}): AppError {
  const { status, code } = STATUS[reason];
  return new AppError(status, code, scanRefusalMessage(reason), { reason, ...details });
}
