import { useEffect, useId } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { useStores } from "../api/scanner.ts";

const KEY = "enishi.scanner-store";

export function rememberedStore(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Which store this device is at: remembered on the device, sent with every scan (the audit names it). */
export function StorePicker({ value, onChange }: { value: string | null; onChange: (storeId: string | null) => void }) {
  const id = useId();
  const stores = useStores();
  const list = stores.data?.stores ?? [];
  useEffect(() => {
    // A remembered store that no longer exists is dropped rather than sent and refused.
    if (stores.isSuccess && value !== null && !list.some((s) => s.id === value)) onChange(null);
  }, [stores.isSuccess, list, value, onChange]);
  return (
    <div className="field">
      <label htmlFor={id}>
        <Bi ja="店舗" en="Store" inline />
      </label>
      <select
        id={id}
        data-testid="store-picker"
        value={value ?? ""}
        onChange={(event) => {
          const next = event.target.value || null;
          try {
            if (next) localStorage.setItem(KEY, next);
            else localStorage.removeItem(KEY);
          } catch {
            // Not remembered (private mode): still used for this session.
          }
          onChange(next);
        }}
      >
        <option value="">{stores.isPending ? "読み込み中… / Loading…" : "店舗を選択 / Choose a store"}</option>
        {list.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
