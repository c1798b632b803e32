import type { SurveyRow } from "@enishi/db";
import type { SurveyAnswers, SurveyDefinition } from "@enishi/shared";
import { SurveyAnswersSchema, SurveyDefinitionSchema } from "@enishi/shared";

/** The stored form, parsed (JSON columns are read through zod like any other input). */
export function definitionOf(row: SurveyRow): SurveyDefinition {
  return SurveyDefinitionSchema.parse(JSON.parse(row.definition));
}

/** Stored answers; a malformed column reads as no answers rather than failing the whole screen. */
export function answersOf(json: string): SurveyAnswers {
  try {
    const parsed = SurveyAnswersSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * The form as customers see it: tags and rewards stay on the server (tag names are the shop's internal
 * vocabulary, and rewards per option would steer the answers).
 */
export function publicDefinition(definition: SurveyDefinition) {
  return {
    thanks: definition.thanks,
    questions: definition.questions.map((q) => ({
      id: q.id,
      type: q.type,
      title: q.title,
      help: q.help,
      required: q.required,
      options: q.options.map((o) => ({ id: o.id, label: o.label })),
      showIf: q.showIf,
    })),
  };
}
export type PublicSurveyDefinition = ReturnType<typeof publicDefinition>;
