import { describe, expect, it } from "vitest";
import { surveyAnswerEffects, surveyProgress, validateSurveyAnswers, visibleQuestions } from "./branching.ts";
import { surveyCsvCell, surveyResponsesCsv, tallySurveyResults } from "./results.ts";
import type { SurveyDefinition, SurveyQuestion } from "./schema.ts";
import { SurveyDefinitionSchema } from "./schema.ts";

function q(id: string, type: SurveyQuestion["type"], extra: Partial<SurveyQuestion> = {}): SurveyQuestion {
  return { id, type, title: id, help: "", required: true, options: [], showIf: null, ...extra };
}
const opt = (id: string, extra: Partial<SurveyQuestion["options"][number]> = {}) => ({
  id,
  label: id.toUpperCase(),
  tags: [],
  reward: null,
  ...extra,
});

const definition: SurveyDefinition = {
  thanks: "",
  completionReward: null,
  completionTags: ["回答済み"],
  questions: [
    q("pet", "single", {
      options: [opt("dog", { tags: ["犬派"], reward: { kind: "points", points: 10 } }), opt("cat", { tags: ["猫派"] })],
    }),
    q("dogName", "text", { showIf: { questionId: "pet", anyOf: ["dog"] } }),
    q("dogAge", "scale", { required: false, showIf: { questionId: "dogName", anyOf: ["ポチ"] } }),
    q("likes", "multiple", { required: false, options: [opt("walk", { tags: ["散歩"] }), opt("ball")] }),
    q("visit", "date", { required: false }),
    q("nps", "nps"),
  ],
};

describe("survey branching", () => {
  it("shows a question only when the earlier answer matches, and hides its dependants with it", () => {
    expect(visibleQuestions(definition, { pet: "dog", dogName: "ポチ" }).map((x) => x.id)).toEqual([
      "pet",
      "dogName",
      "dogAge",
      "likes",
      "visit",
      "nps",
    ]);
    // dogAge depends on dogName, which is hidden for cats: stale answers do not bring it back.
    expect(visibleQuestions(definition, { pet: "cat", dogName: "ポチ" }).map((x) => x.id)).toEqual(["pet", "likes", "visit", "nps"]);
  });

  it("requires only visible questions and drops answers to hidden ones", () => {
    const cat = validateSurveyAnswers(definition, { pet: "cat", dogName: "ポチ", nps: 7 }, { partial: false });
    expect(cat.issues).toEqual([]);
    expect(cat.answers).toEqual({ pet: "cat", nps: 7 });
    const dog = validateSurveyAnswers(definition, { pet: "dog", nps: 7 }, { partial: false });
    expect(dog.issues.map((i) => i.questionId)).toEqual(["dogName"]);
  });

  it("saves partial progress without the required check, but still refuses wrong values", () => {
    expect(validateSurveyAnswers(definition, { pet: "dog" }, { partial: true }).issues).toEqual([]);
    const bad = validateSurveyAnswers(definition, { pet: "fish", visit: "2026-02-30", likes: ["walk", "walk"] }, { partial: true });
    expect(bad.issues.map((i) => i.questionId)).toEqual(["pet", "likes", "visit"]);
  });

  it("refuses an NPS outside 0–10 and a scale outside 1–5", () => {
    const r = validateSurveyAnswers(definition, { pet: "dog", dogName: "ポチ", dogAge: 6, nps: 11 }, { partial: false });
    expect(r.issues.map((i) => i.questionId)).toEqual(["dogAge", "nps"]);
  });

  it("collects tags and rewards of chosen options plus the completion tags", () => {
    const effects = surveyAnswerEffects(definition, { pet: "dog", dogName: "ポチ", likes: ["walk", "ball"], nps: 9 });
    expect(effects.tags.sort()).toEqual(["回答済み", "散歩", "犬派"].sort());
    expect(effects.rewards).toEqual([{ key: "pet:dog", reward: { kind: "points", points: 10 } }]);
  });

  it("counts progress over the questions the friend actually sees", () => {
    expect(surveyProgress(definition, { pet: "cat" })).toEqual({ answered: 1, total: 4 });
  });

  it("refuses a form whose condition looks forward or whose choice has one option", () => {
    const forward = { questions: [q("a", "text", { showIf: { questionId: "b", anyOf: ["x"] } }), q("b", "text")] };
    expect(SurveyDefinitionSchema.safeParse(forward).error?.issues[0]?.path).toEqual(["questions", 0, "showIf", "questionId"]);
    const lonely = { questions: [q("a", "single", { options: [opt("only")] })] };
    expect(SurveyDefinitionSchema.safeParse(lonely).success).toBe(false);
  });
});

describe("survey results", () => {
  it("counts choices, scale averages and the NPS score", () => {
    const results = tallySurveyResults(definition, [
      { pet: "dog", dogName: "ポチ", dogAge: 4, nps: 10, likes: ["walk", "ball"] },
      { pet: "dog", dogName: "ハチ", nps: 3, likes: ["walk"] },
      { pet: "cat", nps: 8 },
    ]);
    const byId = Object.fromEntries(results.map((r) => [r.questionId, r]));
    expect(byId.pet).toMatchObject({
      answered: 3,
      options: [
        { id: "dog", count: 2 },
        { id: "cat", count: 1 },
      ],
    });
    expect(byId.likes).toMatchObject({
      answered: 2,
      options: [
        { id: "walk", count: 2 },
        { id: "ball", count: 1 },
      ],
    });
    expect(byId.dogAge).toMatchObject({ answered: 1, average: 4 });
    expect(byId.nps).toMatchObject({ promoters: 1, passives: 1, detractors: 1, score: 0 });
  });

  it("writes CSV cells a spreadsheet will not run as formulas", () => {
    expect(surveyCsvCell("=1+1")).toBe("'=1+1");
    expect(surveyCsvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(surveyCsvCell("-5")).toBe("'-5");
    expect(surveyCsvCell("普通")).toBe("普通");
  });

  it("exports option labels, JST times and a BOM", () => {
    const csv = surveyResponsesCsv(definition, [
      {
        responseId: "r1",
        userId: "U1",
        displayName: "花子",
        submittedAt: Date.UTC(2026, 10, 1, 0, 0, 0),
        answers: { pet: "dog", likes: ["walk", "ball"], nps: 9 },
      },
    ]);
    const [header, row] = csv.slice(1).split("\r\n");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(header).toBe("response_id,line_user_id,display_name,submitted_at_jst,pet,dogName,dogAge,likes,visit,nps");
    expect(row).toBe("r1,U1,花子,2026-11-01 09:00:00,DOG,,,WALK / BALL,,9");
  });
});
