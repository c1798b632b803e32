import { useId } from "react";

/** A whole-number field that keeps what was typed (so an error can point at it) and reports the number. */
export function NumberField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        inputMode="numeric"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        data-testid={props.testId}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field__error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** "1,200" / "１２００" → 1200; anything else → NaN. */
export function parseWhole(text: string): number {
  const clean = text.normalize("NFKC").replace(/[,\s]/g, "");
  return /^-?\d+$/.test(clean) ? Number(clean) : Number.NaN;
}
