import { type ReactNode, useId } from "react";
import { Bi } from "./bilingual.tsx";

/** What a field hands its control: the label's target, and the invalid / described-by wiring for screen readers. */
export interface FieldControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * A labelled control (Japanese first, English beside it) with its hint and the server's message for this field,
 * wired for screen readers. `id` keeps a fixed id for the control; otherwise one is made up.
 */
export function Field({
  id: fixedId,
  ja,
  en,
  hint,
  error,
  children,
}: {
  id?: string | undefined;
  ja: string;
  en: string;
  hint?: { ja: string; en: string } | undefined;
  error?: string | undefined;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const madeId = useId();
  const id = fixedId ?? madeId;
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

/** Field issues of a validation_failed answer, by path ("discount.value", "endsAt", …); a parent path matches its children's. */
export function issueMap(issues: readonly { path: string; message: string }[]): (path: string) => string | undefined {
  return (path) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
}
