import { useId } from "react";
import { useCannedReplies } from "../api/staff-resources.ts";

/** Canned replies (managed in the admin's bot settings): picking one puts its text in the reply box. */
export function CannedReplyPicker({ onPick }: { onPick: (body: string) => void }) {
  const id = useId();
  const canned = useCannedReplies();
  const items = canned.data?.cannedReplies ?? [];
  if (items.length === 0) return null;
  return (
    <div className="canned-picker">
      <label htmlFor={id} className="visually-hidden">
        定型文 / Canned reply
      </label>
      <select
        id={id}
        value=""
        data-testid="canned-reply-select"
        onChange={(event) => {
          const picked = items.find((c) => c.id === event.target.value);
          if (picked) onPick(picked.body);
        }}
      >
        <option value="">定型文を挿入 / Insert a canned reply…</option>
        {items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </div>
  );
}
