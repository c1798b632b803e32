import { kpiPeriod, periodProblem } from "@enishi/shared/kpis/days";
import { KpiQuerySchema, kpiCsv } from "@enishi/shared/kpis/report";
import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { kpiReport } from "./kpis.service.ts";

function periodOf(query: { from: string; to: string }) {
  const problem = periodProblem(query.from, query.to);
  if (problem) throw badRequest(problem);
  return kpiPeriod(query.from, query.to);
}

const report = (c: Context<AppEnv>, query: { from: string; to: string }) => kpiReport(c.var.deps, periodOf(query), Date.now());

/** Admin: the KPI dashboard (decision 022) — JSON for the screen, CSV for Excel. Mounted under the admin guard. */
export const kpiRoutes = new Hono<AppEnv>()
  .get("/", zValidator("query", KpiQuerySchema, validationHook), async function getKpis(c) {
    return c.json(await report(c, c.req.valid("query")));
  })
  .get("/csv", zValidator("query", KpiQuerySchema, validationHook), async function getKpisCsv(c) {
    const query = c.req.valid("query");
    const body = kpiCsv(await report(c, query));
    return c.body(body, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="enishi-kpis-${query.from}_${query.to}.csv"`,
      "cache-control": "no-store",
    });
  });
