import "./scanner.css";
import { COUPON_QR_PREFIX, parseCouponScan } from "@enishi/shared/coupons/code";
import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { canScanCode, scanCode } from "../../lib/liff.ts";
import { type ScanResult, useScanCard } from "./api/scanner.ts";
import { CouponCodePanel } from "./components/coupon-code-panel.tsx";
import { MemberPanel } from "./components/member-panel.tsx";
import { ScanRefusal } from "./components/refusal.tsx";
import { rememberedStore, StorePicker } from "./components/store-picker.tsx";

/**
 * `/staff/scan` — the counter. Scan the member card with LINE's code reader (liff.scanCodeV2) or type the
 * code; the member appears with their points and coupons; award points for the purchase or redeem a coupon.
 */
export default function ScannerPage() {
  const id = useId();
  const scan = useScanCard();
  const [storeId, setStoreId] = useState<string | null>(rememberedStore);
  const [typed, setTyped] = useState("");
  const [current, setCurrent] = useState<ScanResult | null>(null);
  const [couponCode, setCouponCode] = useState<string | null>(null);
  const [cameraProblem, setCameraProblem] = useState(false);
  const camera = canScanCode();

  function submitCode(code: string) {
    const trimmed = code.trim();
    if (!trimmed) return;
    // A coupon's own QR carries its prefix: that is a redemption, not a member card.
    const coupon = trimmed.toUpperCase().startsWith(COUPON_QR_PREFIX) ? parseCouponScan(trimmed) : null;
    if (coupon) {
      setCouponCode(coupon);
      setTyped("");
      return;
    }
    scan.mutate(
      { code: trimmed, storeId },
      {
        onSuccess: (result) => {
          setCurrent(result);
          setTyped("");
        },
      },
    );
  }

  async function openCamera() {
    setCameraProblem(false);
    try {
      const value = await scanCode();
      if (value) submitCode(value);
    } catch {
      setCameraProblem(true);
    }
  }

  function onType(event: FormEvent) {
    event.preventDefault();
    submitCode(typed);
  }

  return (
    <div className="page">
      <PageHeader ja="会員証スキャン" en="Scan a member card" title="スキャン / Scan" />
      {couponCode ? (
        <CouponCodePanel key={couponCode} code={couponCode} storeId={storeId} onDone={() => setCouponCode(null)} />
      ) : current ? (
        <MemberPanel
          key={current.scanId}
          scan={current}
          onDone={() => {
            setCurrent(null);
            scan.reset();
          }}
        />
      ) : (
        <section className="card" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`} className="visually-hidden">
            読み取り / Scan
          </h2>
          <StorePicker value={storeId} onChange={setStoreId} />
          {camera ? (
            <button type="button" className="btn btn--primary scan-camera" onClick={() => void openCamera()} disabled={scan.isPending}>
              <Bi ja="カメラで読み取る" en="Scan with the camera" inline />
            </button>
          ) : (
            <p className="field__hint">
              <Bi
                ja="この端末ではカメラ読み取りを使えません。コードを入力してください。"
                en="The camera reader is not available here: type the code."
              />
            </p>
          )}
          {cameraProblem ? (
            <p className="field__error" role="alert">
              <Bi ja="カメラを起動できませんでした。コードを入力してください。" en="The camera could not start. Type the code instead." />
            </p>
          ) : null}
          <form onSubmit={onType} noValidate className="scan-typed">
            <div className="field">
              <label htmlFor={`${id}-code`}>
                <Bi ja="コードを入力" en="Type the code" inline />
              </label>
              <input
                id={`${id}-code`}
                data-testid="scan-code-input"
                className="mono"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                placeholder="EN1.…"
              />
              <p className="field__hint">
                <Bi ja="会員証の「コードを表示」に出る文字です。" en="The text under “show the code” on the member card." />
              </p>
            </div>
            <button type="submit" className="btn" disabled={scan.isPending || typed.trim() === ""} data-testid="scan-code-submit">
              {scan.isPending ? <Bi ja="確認中…" en="Checking…" inline /> : <Bi ja="確認する" en="Check" inline />}
            </button>
          </form>
          {scan.isError ? <ScanRefusal error={scan.error} /> : null}
        </section>
      )}
    </div>
  );
}
