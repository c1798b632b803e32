import { DEFAULT_QUIET_HOURS } from "@enishi/shared/broadcasts/index";
import type { ScenarioInput, ScenarioStep, ScenarioTrigger, ScenarioTriggerType } from "@enishi/shared/scenarios/index";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { Field } from "../../components/field.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ErrorState, QueryStates } from "../../components/states.tsx";
import { ApiError } from "../../lib/api.ts";
import { useDeleteScenario, useGrantableCoupons, useSaveScenario, useScenario, useScenarioStatus } from "./api/scenarios.ts";
import { TRIGGERS } from "./components/labels.ts";
import { StepEditor } from "./components/step-editor.tsx";
import "./scenarios.css";

const EMPTY: ScenarioInput = {
  name: "",
  description: "",
  trigger: { type: "follow" },
  steps: [
    {
      id: "step-1",
      name: "",
      delay: { type: "after", minutes: 1440 },
      condition: null,
      actions: [{ type: "message", messages: [{ type: "text", text: "" }] }],
    },
  ],
  exitOn: { tags: [], unfollow: true, purchase: false },
  quietHours: DEFAULT_QUIET_HOURS,
  allowReentry: false,
};

function triggerFor(type: ScenarioTriggerType, tag = ""): ScenarioTrigger {
  return type === "tagAdded" ? { type, tag } : { type };
}

function nextStepId(steps: readonly ScenarioStep[]): string {
  let n = steps.length + 1;
  while (steps.some((s) => s.id === `step-${n}`)) n++;
  return `step-${n}`;
}

function Editor({ id, status, initial }: { id: string | null; status: string | null; initial: ScenarioInput }) {
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(initial);
  const coupons = useGrantableCoupons();
  const save = useSaveScenario(id);
  const setStatus = useScenarioStatus(id ?? "");
  const remove = useDeleteScenario();
  const set = (patch: Partial<ScenarioInput>) => setDraft({ ...draft, ...patch });
  const setSteps = (steps: ScenarioStep[]) => set({ steps });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(draft, { onSuccess: (saved) => navigate(`/admin/scenarios/${saved.id}`, { replace: true }) });
  }
  const issues = save.error instanceof ApiError ? save.error.fieldIssues : [];
  return (
    <form className="scn-form" onSubmit={submit} noValidate>
      <section className="card">
        <Field id="scn-name" ja="シナリオ名" en="Name">
          {(p) => <input {...p} maxLength={80} value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field
          id="scn-trigger"
          ja="開始のきっかけ"
          en="Trigger"
          hint={
            draft.trigger.type === "purchase" || draft.trigger.type === "cancellation"
              ? { ja: "POST /api/admin/events で通知します（README 参照）", en: "Reported through POST /api/admin/events (see README)" }
              : undefined
          }
        >
          {(p) => (
            <>
              <select
                {...p}
                value={draft.trigger.type}
                onChange={(e) => set({ trigger: triggerFor(e.target.value as ScenarioTriggerType) })}
              >
                {Object.entries(TRIGGERS).map(([type, [ja, en]]) => (
                  <option key={type} value={type}>
                    {ja} / {en}
                  </option>
                ))}
              </select>
              {draft.trigger.type === "tagAdded" ? (
                <input
                  aria-label="きっかけのタグ / Trigger tag"
                  maxLength={50}
                  value={draft.trigger.tag}
                  onChange={(e) => set({ trigger: triggerFor("tagAdded", e.target.value) })}
                />
              ) : null}
            </>
          )}
        </Field>
      </section>
      <ol className="scn-steps">
        {draft.steps.map((step, i) => (
          <StepEditor
            key={step.id}
            step={step}
            index={i}
            later={draft.steps.slice(i + 1)}
            coupons={coupons.data ?? []}
            onChange={(next) => setSteps(draft.steps.map((s, j) => (j === i ? next : s)))}
            onRemove={() => setSteps(draft.steps.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <p>
        <button
          type="button"
          className="btn btn--small"
          disabled={draft.steps.length >= 30}
          onClick={() => setSteps([...draft.steps, { ...EMPTY.steps[0], id: nextStepId(draft.steps) } as ScenarioStep])}
        >
          <Bi ja="＋ ステップを追加" en="Add step" inline />
        </button>
      </p>
      <section className="card">
        <h2 className="card__title">
          <Bi ja="終了条件と配信時間" en="Exit and quiet hours" inline />
        </h2>
        <Field id="scn-exit-tags" ja="このタグが付いたら終了（読点区切り）" en="Exit when tagged (comma-separated)">
          {(p) => (
            <input
              {...p}
              value={draft.exitOn.tags.join("、")}
              onChange={(e) =>
                set({
                  exitOn: {
                    ...draft.exitOn,
                    tags: e.target.value
                      .split(/[、,]/)
                      .map((t) => t.trim())
                      .filter(Boolean)
                      .slice(0, 10),
                  },
                })
              }
            />
          )}
        </Field>
        <label className="scn-inline">
          <input
            type="checkbox"
            checked={draft.exitOn.unfollow}
            onChange={(e) => set({ exitOn: { ...draft.exitOn, unfollow: e.target.checked } })}
          />
          <Bi ja="ブロックされたら終了" en="Exit on unfollow" inline />
        </label>
        <label className="scn-inline">
          <input
            type="checkbox"
            checked={draft.exitOn.purchase}
            onChange={(e) => set({ exitOn: { ...draft.exitOn, purchase: e.target.checked } })}
          />
          <Bi ja="購入したら終了" en="Exit on purchase" inline />
        </label>
        <label className="scn-inline">
          <input
            type="checkbox"
            checked={draft.quietHours !== null}
            onChange={(e) => set({ quietHours: e.target.checked ? DEFAULT_QUIET_HOURS : null })}
          />
          <Bi ja="21:00〜9:00 は送らない" en="Quiet 21:00–9:00" inline />
        </label>
        <label className="scn-inline">
          <input type="checkbox" checked={draft.allowReentry} onChange={(e) => set({ allowReentry: e.target.checked })} />
          <Bi ja="終了後に再び開始できる" en="Allow re-entry" inline />
        </label>
      </section>
      {save.error ? <ErrorState error={save.error} /> : null}
      {issues.map((issue) => (
        <p key={issue.path} className="field__error">
          {issue.path}: {issue.message}
        </p>
      ))}
      <div className="scn-inline">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          <Bi ja="保存" en="Save" inline />
        </button>
        {id && status !== "active" ? (
          <button type="button" className="btn" disabled={setStatus.isPending} onClick={() => setStatus.mutate("active")}>
            <Bi ja="開始する" en="Activate" inline />
          </button>
        ) : null}
        {id && status === "active" ? (
          <button type="button" className="btn" disabled={setStatus.isPending} onClick={() => setStatus.mutate("paused")}>
            <Bi ja="一時停止" en="Pause" inline />
          </button>
        ) : null}
        {id ? (
          <button
            type="button"
            className="btn btn--danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(id, { onSuccess: () => navigate("/admin/scenarios", { replace: true }) })}
          >
            <Bi ja="削除" en="Delete" inline />
          </button>
        ) : null}
      </div>
      {setStatus.error ? <ErrorState error={setStatus.error} /> : null}
      {remove.error ? <ErrorState error={remove.error} /> : null}
    </form>
  );
}

/** /admin/scenarios/new and /admin/scenarios/:id — trigger, steps, exit conditions; activate or pause. */
export default function ScenarioEditorPage({ scenarioId }: { scenarioId: string | null }) {
  const scenario = useScenario(scenarioId);
  return (
    <div className="page page--wide">
      <PageHeader
        ja={scenarioId === null ? "新しいシナリオ" : "シナリオの編集"}
        en={scenarioId === null ? "New scenario" : "Edit scenario"}
        title="ステップ配信 / Step scenario"
        back={{ href: "/admin/scenarios", ja: "ステップ配信", en: "Step scenarios" }}
      />
      {scenarioId === null ? <Editor id={null} status={null} initial={EMPTY} /> : null}
      {scenarioId !== null ? (
        <QueryStates query={scenario}>
          {(s) => (
            <>
              <p className="field__hint">
                <Bi
                  ja={`状態: ${s.status === "active" ? "配信中" : s.status === "paused" ? "一時停止" : "下書き"} ・ 進行中 ${s.enrolments.active} ・ 完了 ${s.enrolments.completed} ・ 離脱 ${s.enrolments.exited}。編集は登録済みの友だちにも次のステップから反映されます。`}
                  en={`Status ${s.status}. Edits apply to enrolled friends from their next step.`}
                  inline
                />
              </p>
              <Editor
                key={s.updatedAt}
                id={s.id}
                status={s.status}
                initial={{
                  name: s.name,
                  description: s.description,
                  trigger: s.trigger,
                  steps: s.steps,
                  exitOn: s.exitOn,
                  quietHours: s.quietHours,
                  allowReentry: s.allowReentry,
                }}
              />
            </>
          )}
        </QueryStates>
      ) : null}
    </div>
  );
}
