import type { ReactNode } from "react";

/**
 * Japanese first, English second. `inline` keeps both on one line (buttons, badges); otherwise the English
 * sits beneath in smaller, muted type.
 */
export function Bi({ ja, en, inline = false }: { ja: ReactNode; en: ReactNode; inline?: boolean }) {
  return (
    <>
      <span>{ja}</span>
      {inline ? " " : null}
      <span lang="en" className={inline ? "en-inline" : "en"}>
        {en}
      </span>
    </>
  );
}
