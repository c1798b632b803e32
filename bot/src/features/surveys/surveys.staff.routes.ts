import { LineUserIdSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { friendSurveyAnswers } from "./survey-profile.service.ts";

/** `/api/staff/friends/:userId/surveys`: the friend's survey answers, for their profile. */
export const surveyStaffFriendRoutes = new Hono<AppEnv>().get(
  "/:userId/surveys",
  zValidator("param", z.object({ userId: LineUserIdSchema }), validationHook),
  async function friendSurveys(c) {
    return c.json({ responses: await friendSurveyAnswers(c.var.deps, c.req.valid("param").userId) });
  },
);
