import type { SurveyAnswers, SurveyAnswerValue, SurveyDefinition, SurveyQuestion } from "./schema.ts";

export type SurveyQuestionResult =
  | {
      questionId: string;
      title: string;
      type: "single" | "multiple";
      answered: number;
      options: { id: string; label: string; count: number }[];
    }
  | {
      questionId: string;
      title: string;
      type: "scale";
      answered: number;
      distribution: { value: number; count: number }[];
      average: number | null;
    }
  | {
      questionId: string;
      title: string;
      type: "nps";
      answered: number;
      distribution: { value: number; count: number }[];
      /** % promoters (9–10) minus % detractors (0–6), −100…100; null with no answers. */
      score: number | null;
      promoters: number;
      passives: number;
      detractors: number;
    }
  | { questionId: string; title: string; type: "text" | "date"; answered: number; latest: string[] };

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function numbersOf(q: SurveyQuestion, all: readonly SurveyAnswers[]): number[] {
  return all.map((a) => a[q.id]).filter((v): v is number => typeof v === "number");
}

function tallyQuestion(q: SurveyQuestion, all: readonly SurveyAnswers[]): SurveyQuestionResult {
  const base = { questionId: q.id, title: q.title };
  const answeredOf = (values: unknown[]) => values.length;
  switch (q.type) {
    case "single":
    case "multiple": {
      const counts = new Map(q.options.map((o) => [o.id, 0]));
      let answered = 0;
      for (const a of all) {
        const v = a[q.id];
        const chosen = Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
        if (chosen.length > 0) answered++;
        for (const id of chosen) if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return {
        ...base,
        type: q.type,
        answered,
        options: q.options.map((o) => ({ id: o.id, label: o.label, count: counts.get(o.id) ?? 0 })),
      };
    }
    case "scale": {
      const values = numbersOf(q, all);
      const average = values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
      return {
        ...base,
        type: "scale",
        answered: answeredOf(values),
        average,
        distribution: range(1, 5).map((value) => ({ value, count: values.filter((v) => v === value).length })),
      };
    }
    case "nps": {
      const values = numbersOf(q, all);
      const promoters = values.filter((v) => v >= 9).length;
      const detractors = values.filter((v) => v <= 6).length;
      const score = values.length === 0 ? null : Math.round(((promoters - detractors) / values.length) * 100);
      return {
        ...base,
        type: "nps",
        answered: values.length,
        distribution: range(0, 10).map((value) => ({ value, count: values.filter((v) => v === value).length })),
        score,
        promoters,
        passives: values.length - promoters - detractors,
        detractors,
      };
    }
    case "text":
    case "date": {
      const values = all.map((a) => a[q.id]).filter((v): v is string => typeof v === "string" && v !== "");
      return { ...base, type: q.type, answered: values.length, latest: values.slice(-20).reverse() };
    }
  }
}

/** Results per question over submitted responses (oldest first), for the admin charts. */
export function tallySurveyResults(
  definition: Pick<SurveyDefinition, "questions">,
  responses: readonly SurveyAnswers[],
): SurveyQuestionResult[] {
  return definition.questions.map((q) => tallyQuestion(q, responses));
}

/** An answer as a person reads it: option labels instead of ids. */
export function surveyAnswerText(q: SurveyQuestion, value: SurveyAnswerValue | undefined): string {
  if (value === undefined) return "";
  const label = (id: string) => q.options.find((o) => o.id === id)?.label ?? id;
  if (Array.isArray(value)) return value.map(label).join(" / ");
  if (q.type === "single" && typeof value === "string") return label(value);
  return String(value);
}

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading
 * apostrophe: answers are free text from the public and the file is opened in Excel.
 */
export function surveyCsvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface SurveyCsvResponse {
  responseId: string;
  userId: string;
  displayName: string | null;
  submittedAt: number;
  answers: SurveyAnswers;
}

const JST = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "medium" });

/** The responses as CSV: a BOM so Excel reads UTF-8 Japanese, CRLF line ends, times in JST. */
export function surveyResponsesCsv(definition: Pick<SurveyDefinition, "questions">, responses: readonly SurveyCsvResponse[]): string {
  const header = ["response_id", "line_user_id", "display_name", "submitted_at_jst", ...definition.questions.map((q) => q.title)];
  const rows = responses.map((r) => [
    r.responseId,
    r.userId,
    r.displayName ?? "",
    JST.format(new Date(r.submittedAt)),
    ...definition.questions.map((q) => surveyAnswerText(q, r.answers[q.id])),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(surveyCsvCell).join(",")).join("\r\n")}\r\n`;
}
