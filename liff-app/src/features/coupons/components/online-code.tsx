import { formatCouponCode } from "@enishi/shared/coupons/code";
import { useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";

/** The copy's code for the online store's checkout, with a copy button (clipboard may be refused in LINE). */
export function OnlineCode({ code }: { code: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const formatted = formatCouponCode(code);
  async function copy() {
    try {
      await navigator.clipboard.writeText(formatted);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }
  return (
    <div className="online-code">
      <p className="field__hint">
        <Bi ja="オンラインストアでは、このコードを入力してください。" en="At the online store, enter this code." />
      </p>
      <p className="online-code__value mono" data-testid="coupon-code">
        {formatted}
      </p>
      <button type="button" className="btn btn--small" onClick={() => void copy()}>
        <Bi ja="コードをコピー" en="Copy code" inline />
      </button>
      <span role="status" className="field__hint">
        {copied === "yes" ? <Bi ja="コピーしました" en="Copied" inline /> : null}
        {copied === "no" ? (
          <Bi ja="コピーできませんでした。長押しで選択してください。" en="Could not copy; press and hold to select." inline />
        ) : null}
      </span>
    </div>
  );
}
