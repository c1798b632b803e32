import { SaveSurveyProgressInputSchema, SubmitSurveyInputSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import { requireUser } from "../../auth/middleware.ts";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { callerId } from "../coupons/route-context.ts";
import { getSurveyForFriend, listSurveysForFriend, saveSurveyProgress, submitSurvey } from "./surveys.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });

/** The customer's surveys (`/api/surveys`); the respondent is always the verified caller. */
export const surveyRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async function listSurveys(c) {
    return c.json({ surveys: await listSurveysForFriend(c.var.deps, callerId(c)) });
  })
  .get("/:id", zValidator("param", IdParam, validationHook), async function getSurvey(c) {
    return c.json(await getSurveyForFriend(c.var.deps, callerId(c), c.req.valid("param").id));
  })
  // Progress kept on the server, so a reload (or another phone) resumes where the friend left off.
  .put(
    "/:id/progress",
    zValidator("param", IdParam, validationHook),
    zValidator("json", SaveSurveyProgressInputSchema, validationHook),
    async function saveProgress(c) {
      const { answers, questionId } = c.req.valid("json");
      return c.json(await saveSurveyProgress(c.var.deps, callerId(c), c.req.valid("param").id, answers, questionId));
    },
  )
  .post(
    "/:id/responses",
    zValidator("param", IdParam, validationHook),
    zValidator("json", SubmitSurveyInputSchema, validationHook),
    async function submit(c) {
      return c.json(await submitSurvey(c.var.deps, callerId(c), c.req.valid("param").id, c.req.valid("json").answers), 201);
    },
  );
