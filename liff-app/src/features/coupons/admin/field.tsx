import { type ReactNode, useId } from "react";
import { Bi } from "../../../components/bilingual.tsx";

/** A labelled input with its hint and the server's message for this field (by path), wired for screen readers. */
export function Field({
  ja,
  en,
  hint,
  error,
  children,
}: {
  ja: string;
  en: string;
  hint?: { ja: string; en: string } | undefined;
  error?: string | undefined;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>
        <Bi ja={ja} en={en} inline />
      </label>
      {children({ id, ...(error ? { "aria-invalid": true as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          <Bi ja={hint.ja} en={hint.en} inline />
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Field issues of a validation_failed answer, by path ("discount.value", "endsAt", …). */
export function issueMap(issues: readonly { path: string; message: string }[]): (path: string) => string | undefined {
  return (path) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
}
