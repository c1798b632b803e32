import { type CSSProperties, useState } from "react";

/**
 * An image a message points at (LINE CDN, the shop's server). Decorative — the message's text says what it
 * is — and left out when it cannot be loaded (e.g. offline in the local demo) rather than drawn broken.
 */
export function RemoteImage({ src, className, style }: { src: string; className: string; style?: CSSProperties }) {
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return (
    <img className={className} src={src} alt="" style={style} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} />
  );
}
