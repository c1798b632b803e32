import type { SurveyInput } from "@enishi/shared";
import { describe, expect, it } from "vitest";
import { createCoupon } from "./coupons.fixtures.ts";
import { callAs, createLineUser, registerAdmin, testEnv } from "./helpers.ts";

const as = callAs;

function rewardCoupon(): Promise<string> {
  return createCoupon({
    title: "回答お礼 ドリンク無料",
    terms: "",
    discount: { kind: "percent", value: 100 },
    endsAt: Date.now() + 30 * 86_400_000,
    validDays: 14,
  });
}

/** Visit → (if "store") which store → rating; NPS and a comment for everyone. */
function form(couponId: string, overrides: Partial<SurveyInput> = {}): SurveyInput {
  return {
    title: "ご来店アンケート",
    description: "1分で終わります",
    allowMultiple: false,
    status: "open",
    definition: {
      thanks: "ご回答ありがとうございました！",
      completionReward: { kind: "coupon", couponId },
      completionTags: ["アンケート回答"],
      questions: [
        {
          id: "visit",
          type: "single",
          title: "どちらでご利用になりましたか？",
          help: "",
          required: true,
          showIf: null,
          options: [
            { id: "store", label: "店舗", tags: ["来店"], reward: null },
            { id: "online", label: "オンライン", tags: ["オンライン購入"], reward: { kind: "points", points: 50 } },
          ],
        },
        {
          id: "which",
          type: "single",
          title: "どの店舗ですか？",
          help: "",
          required: true,
          showIf: { questionId: "visit", anyOf: ["store"] },
          options: [
            { id: "shibuya", label: "渋谷店", tags: ["渋谷店"], reward: null },
            { id: "yokohama", label: "横浜店", tags: ["横浜店"], reward: null },
          ],
        },
        { id: "nps", type: "nps", title: "友人にすすめたいですか？", help: "", required: true, showIf: null, options: [] },
        { id: "comment", type: "text", title: "ご意見", help: "", required: false, showIf: null, options: [] },
      ],
    },
    ...overrides,
  };
}

async function createSurvey(input: SurveyInput): Promise<string> {
  const response = await as(await registerAdmin(), "/api/admin/surveys", { body: input });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function surveyTagsOf(userId: string): Promise<{ name: string; source: string }[]> {
  const rows = await testEnv.DB.prepare(
    "SELECT t.name AS name, e.source AS source FROM tag_events e JOIN tags t ON t.id = e.tag_id WHERE e.line_user_id = ? AND e.source = 'survey' ORDER BY t.name",
  )
    .bind(userId)
    .all<{ name: string; source: string }>();
  return rows.results;
}

describe("answering a survey", () => {
  it("resumes a half-answered survey after a reload, at the question the friend was on", async () => {
    const surveyId = await createSurvey(form(await rewardCoupon()));
    const customer = await createLineUser("途中");
    const saved = await as(customer, `/api/surveys/${surveyId}/progress`, {
      method: "PUT",
      body: { answers: { visit: "store" }, questionId: "which" },
    });
    expect(saved.status).toBe(200);

    const reloaded = (await (await as(customer, `/api/surveys/${surveyId}`)).json()) as {
      progress: unknown;
      form: { questions: unknown[] };
    };
    expect(reloaded.progress).toMatchObject({
      status: "in_progress",
      answers: { visit: "store" },
      currentQuestion: "which",
      canAnswer: true,
    });
    // Tags and rewards are the shop's business, not part of the form the customer receives.
    expect(JSON.stringify(reloaded.form)).not.toContain("来店");
    expect(JSON.stringify(reloaded.form)).not.toContain("reward");
  });

  it("lists the open surveys with where this friend stands in each: new, in progress, answered", async () => {
    const couponId = await rewardCoupon();
    const [fresh, started, answered, again] = await Promise.all([
      createSurvey(form(couponId, { title: "一覧 新規" })),
      createSurvey(form(couponId, { title: "一覧 途中" })),
      createSurvey(form(couponId, { title: "一覧 回答済み" })),
      createSurvey(form(couponId, { title: "一覧 何度でも", allowMultiple: true })),
    ]);
    const customer = await createLineUser("一覧");
    const other = await createLineUser("他の人");
    const progress = { method: "PUT", body: { answers: { visit: "store" }, questionId: "which" } };
    expect((await as(customer, `/api/surveys/${started}/progress`, progress)).status).toBe(200);
    const answers = { body: { answers: { visit: "online", nps: 8 } } };
    expect((await as(customer, `/api/surveys/${answered}/responses`, answers)).status).toBe(201);
    expect((await as(customer, `/api/surveys/${again}/responses`, answers)).status).toBe(201);
    // Another friend's answers say nothing about this one.
    expect((await as(other, `/api/surveys/${fresh}/responses`, answers)).status).toBe(201);

    const list = (await (await as(customer, "/api/surveys")).json()) as { surveys: { id: string; status: string; canAnswer: boolean }[] };
    const mine = (id: string) => list.surveys.find((s) => s.id === id);
    expect(mine(fresh)).toMatchObject({ status: "new", canAnswer: true });
    expect(mine(started)).toMatchObject({ status: "in_progress", canAnswer: true });
    expect(mine(answered)).toMatchObject({ status: "submitted", canAnswer: false });
    expect(mine(again)).toMatchObject({ status: "submitted", canAnswer: true });
  });

  it("asks for a question only when its condition holds, and drops answers to questions that are hidden", async () => {
    const surveyId = await createSurvey(form(await rewardCoupon()));
    const customer = await createLineUser("分岐");
    const missing = await as(customer, `/api/surveys/${surveyId}/responses`, { body: { answers: { visit: "store", nps: 9 } } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: "validation_failed", details: [{ path: "answers.which" }] } });

    // Online: "which store" is hidden, so its stale answer is dropped instead of refused.
    const ok = await as(customer, `/api/surveys/${surveyId}/responses`, {
      body: { answers: { visit: "online", which: "shibuya", nps: 10 } },
    });
    expect(ok.status).toBe(201);
    const stored = await testEnv.DB.prepare("SELECT question_id FROM survey_answers WHERE line_user_id = ? ORDER BY question_id")
      .bind(customer)
      .all();
    expect(stored.results.map((r) => r.question_id)).toEqual(["nps", "visit"]);
  });

  it("refuses values that do not fit the question with a message per question", async () => {
    const surveyId = await createSurvey(form(await rewardCoupon()));
    const customer = await createLineUser("不正");
    const response = await as(customer, `/api/surveys/${surveyId}/responses`, { body: { answers: { visit: "nowhere", nps: 11 } } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { path: string; message: string }[] } };
    expect(body.error.details.map((d) => d.path).sort()).toEqual(["answers.nps", "answers.visit"]);
    expect(body.error.details[0]?.message).toMatch(/選/);
  });

  it("takes one response per friend: a double submit stores the answers once and refuses the second", async () => {
    const surveyId = await createSurvey(form(await rewardCoupon()));
    const customer = await createLineUser("二重送信");
    const answers = { visit: "store", which: "yokohama", nps: 8, comment: "また来ます" };
    const [a, b] = await Promise.all([
      as(customer, `/api/surveys/${surveyId}/responses`, { body: { answers } }),
      as(customer, `/api/surveys/${surveyId}/responses`, { body: { answers } }),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([201, 409]);
    const again = await as(customer, `/api/surveys/${surveyId}/responses`, { body: { answers } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { details: { reason: "already_answered" } } });
    const rows = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM survey_answers WHERE survey_id = ? AND line_user_id = ?")
      .bind(surveyId, customer)
      .first<{ n: number }>();
    expect(rows?.n).toBe(4);
  });
});

describe("survey tags and rewards", () => {
  it("tags the friend from their answers and grants the coupon and points once, even when answering again is allowed", async () => {
    const couponId = await rewardCoupon();
    const surveyId = await createSurvey(form(couponId, { allowMultiple: true }));
    const customer = await createLineUser("報酬");
    const first = await as(customer, `/api/surveys/${surveyId}/responses`, { body: { answers: { visit: "online", nps: 9 } } });
    expect(first.status).toBe(201);
    const body = (await first.json()) as { thanks: string; rewards: { kind: string; status: string; coupon: { id: string } | null }[] };
    expect(body.thanks).toBe("ご回答ありがとうございました！");
    expect(body.rewards.map((r) => [r.kind, r.status]).sort()).toEqual([
      ["coupon", "granted"],
      ["points", "granted"],
    ]);

    expect(await surveyTagsOf(customer)).toEqual([
      { name: "アンケート回答", source: "survey" },
      { name: "オンライン購入", source: "survey" },
    ]);
    const second = await as(customer, `/api/surveys/${surveyId}/responses`, { body: { answers: { visit: "online", nps: 10 } } });
    expect(second.status).toBe(201);

    const grants = await testEnv.DB.prepare("SELECT source FROM coupon_grants WHERE line_user_id = ? AND coupon_id = ?")
      .bind(customer, couponId)
      .all();
    expect(grants.results).toEqual([{ source: "survey" }]);
    const ledger = await testEnv.DB.prepare(
      "SELECT points FROM point_ledger WHERE source = 'survey' AND source_ref = ? AND idempotency_key LIKE ?",
    )
      .bind(surveyId, `%:${customer}:%`)
      .all();
    expect(ledger.results).toEqual([{ points: 50 }]);
    // The reward coupon is in the customer's list, ready to use.
    const mine = (await (await as(customer, "/api/coupons")).json()) as { available: { coupon: { id: string }; state: string }[] };
    expect(mine.available.filter((i) => i.coupon.id === couponId).map((i) => i.state)).toEqual(["available"]);
  });
});

describe("survey results", () => {
  it("counts answers per question, exports them as CSV, and shows them on the friend's profile", async () => {
    const surveyId = await createSurvey(form(await rewardCoupon()));
    const people = await Promise.all(["一郎", "二郎", "三郎"].map((n) => createLineUser(n)));
    const answers = [
      { visit: "store", which: "shibuya", nps: 10, comment: '=HYPERLINK("x"), "最高"' },
      { visit: "store", which: "yokohama", nps: 6 },
      { visit: "online", nps: 9 },
    ];
    for (const [i, person] of people.entries()) {
      expect((await as(person, `/api/surveys/${surveyId}/responses`, { body: { answers: answers[i] } })).status).toBe(201);
    }
    const boss = await registerAdmin();
    const results = (await (await as(boss, `/api/admin/surveys/${surveyId}/results`)).json()) as {
      responses: number;
      questions: { questionId: string; options?: { id: string; count: number }[]; score?: number }[];
    };
    expect(results.responses).toBe(3);
    expect(results.questions.find((q) => q.questionId === "visit")?.options).toEqual([
      { id: "store", label: "店舗", count: 2 },
      { id: "online", label: "オンライン", count: 1 },
    ]);
    // NPS: promoters 10 and 9, one detractor (6) → (2 − 1) / 3 = 33.
    expect(results.questions.find((q) => q.questionId === "nps")?.score).toBe(33);

    const csv = await as(boss, `/api/admin/surveys/${surveyId}/export.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A UTF-8 BOM first, or Excel shows the Japanese as mojibake.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("response_id,line_user_id")).toBe(true);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(4);
    expect(text).toContain(`"'=HYPERLINK(""x""), ""最高"""`);

    const staff = await createLineUser("店員");
    await testEnv.DB.prepare("INSERT INTO staff_roles (line_user_id, role, created_at) VALUES (?, 'staff', 0)").bind(staff).run();
    const profile = (await (await as(staff, `/api/staff/friends/${people[0]}/surveys`)).json()) as {
      responses: { surveyId: string; answers: { question: string; answer: string }[] }[];
    };
    const mine = profile.responses.find((r) => r.surveyId === surveyId);
    expect(mine?.answers.slice(0, 2)).toEqual([
      { questionId: "visit", question: "どちらでご利用になりましたか？", type: "single", answer: "店舗" },
      { questionId: "which", question: "どの店舗ですか？", type: "single", answer: "渋谷店" },
    ]);
    expect((await as(people[1] as string, `/api/staff/friends/${people[0]}/surveys`)).status).toBe(403);
  });

  it("refuses a form whose condition points at a later question, or whose reward names no coupon", async () => {
    const boss = await registerAdmin();
    const couponId = await rewardCoupon();
    const base = form(couponId);
    const [first, second, ...rest] = base.definition.questions;
    const forward = {
      ...base,
      definition: {
        ...base.definition,
        questions: [{ ...(second as NonNullable<typeof second>), showIf: { questionId: "nps", anyOf: ["9"] } }, first, ...rest],
      },
    };
    const bad = await as(boss, "/api/admin/surveys", { body: forward });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "validation_failed", details: [{ path: "definition.questions.0.showIf.questionId" }] },
    });

    const ghost = await as(boss, "/api/admin/surveys", { body: form("no-such-coupon") });
    expect(ghost.status).toBe(400);
    expect(await ghost.json()).toMatchObject({ error: { details: [{ path: "definition.completionReward.couponId" }] } });
  });
});

describe("surveys and step scenarios", () => {
  it("enrols a friend who answers the survey in the scenario that survey triggers", async () => {
    const surveyId = await createSurvey(form(await rewardCoupon()));
    const adminId = await registerAdmin();
    const created = await as(adminId, "/api/admin/scenarios", {
      body: {
        name: "アンケート回答のお礼",
        trigger: { type: "surveyAnswered", surveyId },
        steps: [{ id: "thanks", delay: { type: "after", minutes: 60 }, actions: [{ type: "addTag", tag: "お礼済み" }] }],
      },
    });
    expect(created.status).toBe(201);
    const { id: scenarioId } = (await created.json()) as { id: string };
    expect((await as(adminId, `/api/admin/scenarios/${scenarioId}/status`, { body: { status: "active" } })).status).toBe(200);

    const customer = await createLineUser("回答者");
    await testEnv.DB.prepare(
      "INSERT INTO friends (line_user_id, display_name, status, created_at, updated_at) VALUES (?, ?, 'following', 0, 0)",
    )
      .bind(customer, "回答者")
      .run();
    const before = Date.now();
    const submitted = await as(customer, `/api/surveys/${surveyId}/responses`, { body: { answers: { visit: "online", nps: 9 } } });
    expect(submitted.status).toBe(201);

    const enrolment = await testEnv.DB.prepare(
      "SELECT status, next_run_at FROM scenario_enrolments WHERE line_user_id = ? AND scenario_id = ?",
    )
      .bind(customer, scenarioId)
      .first<{ status: string; next_run_at: number }>();
    expect(enrolment?.status).toBe("active");
    expect(enrolment?.next_run_at).toBeGreaterThanOrEqual(before + 60 * 60_000);
  });
});
