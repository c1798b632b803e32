import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { type BotSettings, type BusinessHours, useBotSettings, useSaveBotSettings } from "../api/bot-settings.ts";
import { FieldErrors } from "./field-errors.tsx";

const DAYS: Array<[string, string]> = [
  ["日", "Sun"],
  ["月", "Mon"],
  ["火", "Tue"],
  ["水", "Wed"],
  ["木", "Thu"],
  ["金", "Fri"],
  ["土", "Sat"],
];

/** One opening per day in the form (the API takes up to four; extra ones are kept as they are). */
function DayRow({
  day,
  openings,
  onChange,
}: {
  day: number;
  openings: BusinessHours["weekly"][number];
  onChange: (o: BusinessHours["weekly"][number]) => void;
}) {
  const id = useId();
  const [ja, en] = DAYS[day] ?? ["?", "?"];
  const first = openings[0];
  return (
    <div className="hours-row" data-testid="hours-row">
      <span className="hours-row__day">
        {ja} <span lang="en">{en}</span>
      </span>
      <label className="check">
        <input type="checkbox" checked={!first} onChange={(e) => onChange(e.target.checked ? [] : [{ open: "10:00", close: "19:00" }])} />{" "}
        <Bi ja="定休" en="Closed" inline />
      </label>
      {first ? (
        <>
          <label htmlFor={`${id}-open`} className="visually-hidden">
            {ja} 開始 / opens
          </label>
          <input
            id={`${id}-open`}
            type="time"
            value={first.open}
            onChange={(e) => onChange([{ ...first, open: e.target.value }, ...openings.slice(1)])}
          />
          <span aria-hidden="true">〜</span>
          <label htmlFor={`${id}-close`} className="visually-hidden">
            {ja} 終了 / closes
          </label>
          <input
            id={`${id}-close`}
            type="time"
            value={first.close === "24:00" ? "23:59" : first.close}
            onChange={(e) => onChange([{ ...first, close: e.target.value }, ...openings.slice(1)])}
          />
        </>
      ) : null}
    </div>
  );
}

function SettingsForm({
  settings,
  now,
}: {
  settings: BotSettings;
  now: { open: boolean; nextOpenJa: string | null; nextOpenEn: string | null };
}) {
  const id = useId();
  const save = useSaveBotSettings();
  const [hours, setHours] = useState(settings.businessHours);
  const [closedDates, setClosedDates] = useState(settings.businessHours.closedDates.join("\n"));
  const [release, setRelease] = useState(String(settings.releaseAfterHours));
  const [notify, setNotify] = useState(settings.notifyStaffByLine);

  function submit(event: FormEvent) {
    event.preventDefault();
    const dates = closedDates
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    save.mutate({ businessHours: { ...hours, closedDates: dates }, releaseAfterHours: Number(release), notifyStaffByLine: notify });
  }

  return (
    <form className="settings-form" onSubmit={submit} data-testid="bot-settings-form">
      <p role="status" className="field__hint" data-testid="hours-now">
        {now.open ? (
          <Bi ja="現在は営業時間内です。" en="Open now." />
        ) : (
          <Bi
            ja={`現在は営業時間外です（次の営業開始: ${now.nextOpenJa ?? "—"}）。`}
            en={`Closed now (next opening: ${now.nextOpenEn ?? "—"}).`}
          />
        )}
      </p>
      <fieldset className="choice-group">
        <legend>
          <Bi ja="営業時間（日本時間）" en="Business hours (Japan time)" inline />
        </legend>
        {hours.weekly.map((openings, day) => (
          <DayRow
            // biome-ignore lint/suspicious/noArrayIndexKey: the seven weekdays never reorder
            key={day}
            day={day}
            openings={openings}
            onChange={(next) => setHours({ ...hours, weekly: hours.weekly.map((o, d) => (d === day ? next : o)) })}
          />
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={hours.closedOnPublicHolidays}
            onChange={(e) => setHours({ ...hours, closedOnPublicHolidays: e.target.checked })}
          />{" "}
          <Bi ja="祝日は休業" en="Closed on public holidays" inline />
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-dates`}>
          <Bi ja="臨時休業日（YYYY-MM-DD、1行に1日）" en="Extra closed days (YYYY-MM-DD, one per line)" />
        </label>
        <textarea id={`${id}-dates`} rows={3} value={closedDates} onChange={(e) => setClosedDates(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-release`}>
          <Bi ja="やりとりが途絶えてからボットに戻すまでの時間（時間）" en="Hours without messages before a chat goes back to the bot" />
        </label>
        <input id={`${id}-release`} type="number" min={1} max={720} value={release} onChange={(e) => setRelease(e.target.value)} />
      </div>
      <label className="check">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />{" "}
        <Bi ja="引き継ぎ時にスタッフへ LINE で通知する" en="Also notify staff by LINE on handover" inline />
      </label>
      <button type="submit" className="btn btn--primary" disabled={save.isPending} data-testid="bot-settings-save">
        <Bi ja="保存" en="Save" inline />
      </button>
      {save.isSuccess ? (
        <p role="status">
          <Bi ja="保存しました。" en="Saved." inline />
        </p>
      ) : null}
      <FieldErrors error={save.error} />
      {save.isError ? <ErrorState error={save.error} /> : null}
    </form>
  );
}

/** Bot settings: business hours, holidays and closed days, idle release, staff notification. */
export function BusinessHoursForm() {
  const settings = useBotSettings();
  return <QueryStates query={settings}>{(data) => <SettingsForm settings={data.settings} now={data.now} />}</QueryStates>;
}
