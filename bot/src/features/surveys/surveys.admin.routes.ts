import { SurveyInputSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { callerId } from "../coupons/route-context.ts";
import { createSurvey, editSurvey, getAdminSurvey, listAdminSurveys, surveyCsv, surveyResults } from "./survey-admin.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });

/** `/api/admin/surveys`: operators build forms, read results per question, export CSV. */
export const surveyAdminRoutes = new Hono<AppEnv>()
  .get("/", async function listSurveys(c) {
    return c.json({ surveys: await listAdminSurveys(c.var.deps) });
  })
  .post("/", zValidator("json", SurveyInputSchema, validationHook), async function create(c) {
    return c.json(await createSurvey(c.var.deps, c.req.valid("json"), callerId(c)), 201);
  })
  .get("/:id", zValidator("param", IdParam, validationHook), async function getSurvey(c) {
    return c.json(await getAdminSurvey(c.var.deps, c.req.valid("param").id));
  })
  .put("/:id", zValidator("param", IdParam, validationHook), zValidator("json", SurveyInputSchema, validationHook), async function edit(c) {
    return c.json(await editSurvey(c.var.deps, c.req.valid("param").id, c.req.valid("json")));
  })
  .get("/:id/results", zValidator("param", IdParam, validationHook), async function results(c) {
    return c.json(await surveyResults(c.var.deps, c.req.valid("param").id));
  })
  .get("/:id/export.csv", zValidator("param", IdParam, validationHook), async function exportCsv(c) {
    const { filename, body } = await surveyCsv(c.var.deps, c.req.valid("param").id);
    return c.body(body, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    });
  });
