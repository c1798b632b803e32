import { type SVGProps, useMemo } from "react";
import { encode } from "uqr";

/**
 * A QR code as one SVG path (crisp at any size, no canvas, ~4 kB of library). Error correction M keeps it
 * readable on a scratched or dim screen while short payloads stay a small version (large modules counter
 * scanners read at a glance). Used by the member card and the coupon's use-now screen.
 */
export function QrCode({
  value,
  label,
  border = 2,
  dim = false,
  ...svg
}: { value: string; label: string; border?: number; dim?: boolean } & Omit<SVGProps<SVGSVGElement>, "viewBox" | "role">) {
  const { size, path } = useMemo(() => {
    const qr = encode(value, { ecc: "M", border });
    let d = "";
    for (const [y, row] of qr.data.entries()) {
      for (const [x, dark] of row.entries()) if (dark) d += `M${x} ${y}h1v1h-1z`;
    }
    return { size: qr.size, path: d };
  }, [value, border]);
  return (
    <svg {...svg} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill={dim ? "#b8bec6" : "#000"} />
    </svg>
  );
}
