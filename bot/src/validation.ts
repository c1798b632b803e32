import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "./errors.ts";

/** zValidator hook: every validation failure becomes the shared error body with the field issues. */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

function refusal(rawIssues: readonly Issue[]): AppError {
  const issues = rawIssues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const first = issues[0];
  return new AppError(400, "validation_failed", first ? `${first.path || "input"}: ${first.message}` : "Invalid input", issues);
}

export function validationHook(result: { success: true } | { success: false; error: { issues: readonly Issue[] } }, _c: Context): void {
  if (!result.success) throw refusal(result.error.issues);
}

/** The same refusal for input parsed by hand (a body read raw first, e.g. to check its signature). */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw refusal(result.error.issues);
  return result.data;
}
