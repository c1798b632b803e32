import { useState } from "react";

/** A profile picture, or the name's first letter when there is none (or it fails to load). */
export function Avatar({ src, name, size = 40 }: { src: string | null | undefined; name: string | null | undefined; size?: number }) {
  const [failed, setFailed] = useState(false);
  const style = { width: size, height: size, fontSize: size * 0.42 };
  if (src && !failed && /^https?:\/\//.test(src)) {
    // Decorative: the name is always shown next to it.
    return (
      <img className="avatar" src={src} alt="" style={style} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} />
    );
  }
  return (
    <span className="avatar" style={style} aria-hidden="true">
      {Array.from(name?.trim() || "?")[0]}
    </span>
  );
}
