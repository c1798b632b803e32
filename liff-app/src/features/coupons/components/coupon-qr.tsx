import { QrCode } from "../../../components/qr-code.tsx";

/** The copy's code as a QR for the clerk's scanner (`ENISHI-COUPON:<code>`). */
export function CouponQr({ value, label }: { value: string; label: string }) {
  return <QrCode value={value} label={label} data-testid="coupon-qr" data-value={value} className="coupon-qr" />;
}
