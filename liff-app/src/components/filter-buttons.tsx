import "./filter-buttons.css";
import { Bi } from "./bilingual.tsx";

export interface FilterOption<T extends string> {
  value: T;
  ja: string;
  en: string;
}

/**
 * What a list shows, as a row of pressed / unpressed buttons in a fieldset (`legend` for screen readers).
 * `count` adds a figure after an option's label; `testIdPrefix` gives each button `data-testid="<prefix><value>"`.
 */
export function FilterButtons<T extends string>({
  legend,
  options,
  value,
  onChange,
  count,
  testIdPrefix,
}: {
  legend: string;
  options: readonly FilterOption<T>[];
  value: T;
  onChange: (value: T) => void;
  count?: ((value: T) => number | undefined) | undefined;
  testIdPrefix?: string | undefined;
}) {
  return (
    <fieldset className="state-filter">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((o) => {
        const n = count?.(o.value);
        return (
          <button
            key={o.value}
            type="button"
            className="btn btn--small"
            aria-pressed={value === o.value}
            data-testid={testIdPrefix === undefined ? undefined : `${testIdPrefix}${o.value}`}
            onClick={() => onChange(o.value)}
          >
            <Bi ja={o.ja} en={o.en} inline />
            {n ? <span className="state-filter__count"> {n}</span> : null}
          </button>
        );
      })}
    </fieldset>
  );
}
