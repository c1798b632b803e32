import { QrCode } from "../../../components/qr-code.tsx";

/**
 * The card's rotating code as a QR. `stale` greys it out when the code could not be renewed in time: a
 * clerk must not scan a code about to be refused.
 */
export function CardQr({ value, stale }: { value: string; stale: boolean }) {
  return (
    <QrCode
      value={value}
      label="会員証のQRコード / Member card QR code"
      border={3}
      dim={stale}
      className="member-qr"
      data-testid="card-qr"
      data-code={value}
      data-stale={stale ? "true" : "false"}
    />
  );
}
