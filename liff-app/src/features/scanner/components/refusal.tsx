import { isScanRefusal, SCAN_REFUSAL_TEXT } from "@enishi/shared/card-code/refusals";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";

function reasonOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const details = error.details;
  return typeof details === "object" && details !== null && "reason" in details && typeof details.reason === "string"
    ? details.reason
    : undefined;
}

/**
 * A scanner refusal told the way the clerk needs it (expired → ask for a fresh card; used → wait for the
 * next code…), switched on the server's `details.reason`; anything else falls back to the general message.
 */
export function ScanRefusal({ error, serverMessage }: { error: unknown; serverMessage?: boolean }) {
  const reason = reasonOf(error);
  if (isScanRefusal(reason)) {
    const text = SCAN_REFUSAL_TEXT[reason];
    return (
      <div className="state state--error" role="alert" data-testid="scan-refusal" data-reason={reason}>
        <p className="state__title">
          <Bi ja={text.ja} en={text.en} />
        </p>
      </div>
    );
  }
  if (serverMessage && error instanceof ApiError && error.status === 409) {
    // Coupon refusals (already redeemed, expired…) carry their own bilingual message.
    return (
      <div className="state state--error" role="alert" data-testid="scan-refusal" data-reason={reason ?? "conflict"}>
        <p className="state__title">{error.message}</p>
      </div>
    );
  }
  return <ErrorState error={error} />;
}
