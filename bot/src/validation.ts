import type { Context } from "hono";
import { AppError } from "./errors.ts";

/** zValidator hook: every validation failure becomes the shared error body with the field issues. */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

export function validationHook(result: { success: true } | { success: false; error: { issues: readonly Issue[] } }, _c: Context): void {
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    const first = issues[0];
    throw new AppError(400, "validation_failed", first ? `${first.path || "input"}: ${first.message}` : "Invalid input", issues);
  }
}
