import { MEMBER_IMPORT_MAX_BYTES } from "@enishi/shared/members/member-csv";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { AppError, unauthorized } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { decodeCsv, exportMembersCsv, importMembersCsv } from "./member-csv.service.ts";

function adminId(c: { var: AppEnv["Variables"] }): string {
  if (!c.var.user) throw unauthorized();
  return c.var.user.userId;
}

const importLimit = bodyLimit({
  maxSize: MEMBER_IMPORT_MAX_BYTES,
  onError: () => {
    throw new AppError(
      413,
      "payload_too_large",
      "ファイルは1MBまでです。分けて取り込んでください / The file must be 1 MB or smaller: split it",
    );
  },
});

const ImportQuery = z.object({ dryRun: z.enum(["1", "0", "true", "false"]).optional() });

/** `/api/admin/members` (admin only, under /admin/*): the members CSV, decision 024. */
export const memberCsvRoutes = new Hono<AppEnv>()
  .get("/export.csv", async function exportMembers(c) {
    const stream = await exportMembersCsv(c.var.deps, adminId(c));
    const day = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    return c.body(stream, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="enishi-members-${day}.csv"`,
      "cache-control": "no-store",
    });
  })
  .post("/import", importLimit, zValidator("query", ImportQuery, validationHook), async function importMembers(c) {
    const dryRun = ["1", "true"].includes(c.req.valid("query").dryRun ?? "0");
    const text = decodeCsv(await c.req.arrayBuffer());
    const summary = await importMembersCsv(c.var.deps, { text, dryRun, adminId: adminId(c) });
    return c.json(summary, 200);
  });
