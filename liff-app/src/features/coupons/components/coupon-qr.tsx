import { useMemo } from "react";
import { encode } from "uqr";

/**
 * A QR code as SVG: one path of dark modules (crisp at any size, no canvas). Error correction M keeps it
 * readable on a scratched screen while staying a small version for a short payload.
 */
export function CouponQr({ value, label }: { value: string; label: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(value, { ecc: "M", border: 2 });
    let d = "";
    for (const [y, row] of qr.data.entries()) {
      for (const [x, dark] of row.entries()) if (dark) d += `M${x} ${y}h1v1h-1z`;
    }
    return { size: qr.size, path: d };
  }, [value]);
  return (
    <svg
      data-testid="coupon-qr"
      data-value={value}
      className="coupon-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
