import { FilterButtons, type FilterOption } from "../../../components/filter-buttons.tsx";
import type { ConversationFilter } from "../api/get-conversations.ts";

const FILTERS: FilterOption<ConversationFilter>[] = [
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
    <FilterButtons
      legend="表示する会話 / Show conversations"
      options={FILTERS}
      value={value}
      onChange={onChange}
      count={(v) => (v === "waiting" || v === "staff" ? counts?.[v] : undefined)}
      testIdPrefix="filter-"
    />
  );
}
