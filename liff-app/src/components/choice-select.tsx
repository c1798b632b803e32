import type { SelectHTMLAttributes } from "react";

/** A select of named choices (coupons, tags, segments, …) after a first option, value "", that means none or any. */
export function ChoiceSelect<T extends { id: string }>({
  choices,
  label,
  none,
  value,
  onChange,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "children"> & {
  choices: readonly T[];
  label: (choice: T) => string;
  none: string;
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none}</option>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {label(c)}
        </option>
      ))}
    </select>
  );
}
