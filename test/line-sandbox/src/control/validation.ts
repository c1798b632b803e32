// Input checking for the control API (/__sandbox/*). Its errors are the sandbox's own, `{ message, issues }`,
// so a typo in a test's setup reads differently from a LINE error the bot should handle.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { SandboxHttpError } from "../http/errors.ts";

export function controlError(status: ContentfulStatusCode, message: string, issues?: unknown): SandboxHttpError {
  return new SandboxHttpError(status, issues === undefined ? { message } : { message, issues });
}

export async function parseControlBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      throw controlError(400, "The body is not valid JSON");
    }
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    throw controlError(400, `Invalid input: ${issues.map((i) => `${i.path || "(body)"} ${i.message}`).join("; ")}`, issues);
  }
  return result.data;
}
