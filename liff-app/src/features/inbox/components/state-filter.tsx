import { Bi } from "../../../components/bilingual.tsx";
import type { ConversationFilter } from "../api/get-conversations.ts";

const FILTERS: Array<{ value: ConversationFilter; ja: string; en: string }> = [
  { value: "waiting", ja: "対応待ち", en: "Waiting" },
  { value: "staff", ja: "対応中", en: "With staff" },
  { value: "bot", ja: "ボット", en: "Bot" },
  { value: "all", ja: "すべて", en: "All" },
];

/** Conversations by who has them; counts of the two that need people. */
export function StateFilter({
  value,
  onChange,
  counts,
}: {
  value: ConversationFilter;
  onChange: (value: ConversationFilter) => void;
  counts: { waiting: number; staff: number } | undefined;
}) {
  return (
    <fieldset className="state-filter">
      <legend className="visually-hidden">表示する会話 / Show conversations</legend>
      {FILTERS.map((f) => {
        const count = f.value === "waiting" || f.value === "staff" ? counts?.[f.value] : undefined;
        return (
          <button
            key={f.value}
            type="button"
            className="btn btn--small"
            aria-pressed={value === f.value}
            data-testid={`filter-${f.value}`}
            onClick={() => onChange(f.value)}
          >
            <Bi ja={f.ja} en={f.en} inline />
            {count ? <span className="state-filter__count"> {count}</span> : null}
          </button>
        );
      })}
    </fieldset>
  );
}
