import { useMemo } from "react";
import { encode } from "uqr";

/**
 * The card's QR as one SVG path (crisp at any size, no canvas, ~4 kB of library). Error correction M keeps
 * it readable on a scratched or dim screen; the code is short upper-case text, so the QR stays a small
 * version (large modules that counter scanners read at a glance). `stale` greys it out when the code
 * could not be renewed in time: a clerk must not scan a code about to be refused.
 */
export function CardQr({ value, stale }: { value: string; stale: boolean }) {
  const { size, path } = useMemo(() => {
    const qr = encode(value, { ecc: "M", border: 3 });
    let d = "";
    for (const [y, row] of qr.data.entries()) {
      for (const [x, dark] of row.entries()) if (dark) d += `M${x} ${y}h1v1h-1z`;
    }
    return { size: qr.size, path: d };
  }, [value]);
  return (
    <svg
      className="member-qr"
      data-testid="card-qr"
      data-code={value}
      data-stale={stale ? "true" : "false"}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label="会員証のQRコード / Member card QR code"
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill={stale ? "#b8bec6" : "#000"} />
    </svg>
  );
}
