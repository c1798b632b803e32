import { useState } from "react";
import { Link, useLocation } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { Field } from "../../components/field.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ErrorState, QueryStates } from "../../components/states.tsx";
import { useCreateFromTemplate, useGrantableCoupons, useScenarios, useScenarioTemplates } from "./api/scenarios.ts";
import { delayLabel, TRIGGERS } from "./components/labels.ts";
import "./scenarios.css";

function Templates() {
  const [, navigate] = useLocation();
  const templates = useScenarioTemplates();
  const coupons = useGrantableCoupons();
  const create = useCreateFromTemplate();
  const [couponId, setCouponId] = useState("");
  if (!templates.data) return null;
  return (
    <section className="card" aria-labelledby="scn-templates">
      <h2 id="scn-templates" className="card__title">
        <Bi ja="テンプレートから作る" en="Start from a template" inline />
      </h2>
      <Field id="scn-coupon" ja="特典に使うクーポン（任意）" en="Coupon for the offer (optional)">
        {(p) => (
          <ChoiceSelect
            {...p}
            none="なし（文章のみ）/ none (text only)"
            choices={coupons.data ?? []}
            label={(c) => c.title}
            value={couponId}
            onChange={setCouponId}
          />
        )}
      </Field>
      <ul className="scn-list">
        {templates.data.templates.map((t) => (
          <li key={t.id}>
            <strong>
              {t.name} / {t.nameEn}
            </strong>
            <p>{t.description}</p>
            <button
              type="button"
              className="btn btn--small"
              disabled={create.isPending}
              onClick={() =>
                create.mutate(
                  { templateId: t.id, ...(couponId ? { couponId } : {}) },
                  { onSuccess: (s) => navigate(`/admin/scenarios/${s.id}`) },
                )
              }
            >
              <Bi ja="下書きを作成" en="Create draft" inline />
            </button>
          </li>
        ))}
      </ul>
      {create.error ? <ErrorState error={create.error} /> : null}
    </section>
  );
}

/** /admin/scenarios — scenarios with their trigger, steps and how many friends are in each state. */
export default function ScenarioListPage() {
  const scenarios = useScenarios();
  return (
    <div className="page page--wide">
      <PageHeader
        ja="ステップ配信"
        en="Step scenarios"
        actions={[{ href: "/admin/scenarios/new", ja: "＋ 新しいシナリオ", en: "New scenario", primary: true }]}
      />
      <QueryStates
        query={scenarios}
        empty={{
          when: (data) => data.scenarios.length === 0,
          ja: "シナリオはまだありません。テンプレートから始めましょう。",
          en: "No scenarios yet. Start from a template.",
        }}
      >
        {(data) => (
          <ul className="scn-list" data-testid="scenario-list">
            {data.scenarios.map((s) => (
              <li key={s.id} className="card">
                <Link href={`/admin/scenarios/${s.id}`} className="card__title">
                  {s.name}
                </Link>
                <p className="field__hint">
                  {(TRIGGERS[s.trigger.type] ?? [s.trigger.type])[0]} ・{" "}
                  {s.status === "active" ? "配信中 / active" : s.status === "paused" ? "一時停止 / paused" : "下書き / draft"} ・ 進行中{" "}
                  {s.enrolments.active} / 完了 {s.enrolments.completed} / 離脱 {s.enrolments.exited}
                </p>
                <p className="field__hint">{s.steps.map((step) => `${step.name || step.id}（${delayLabel(step.delay)}）`).join(" → ")}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryStates>
      <Templates />
    </div>
  );
}
