import { deleteUnusedScenario, findFriend, findScenario, updateScenarioStatus } from "@enishi/db";
import { LineUserIdSchema } from "@enishi/shared";
import { findScenarioTemplate, SCENARIO_TEMPLATES, ScenarioEventSchema, ScenarioInputSchema } from "@enishi/shared/scenarios/index";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { conflict, notFound } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { createScenario, editScenario, friendScenarios, getScenario, listScenarios, recordScenarioEvent } from "./scenarios.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const StatusSchema = z.object({ status: z.enum(["active", "paused"]) });
const FromTemplateSchema = z.object({ templateId: z.string().min(1), couponId: z.string().min(1).max(64).optional() });

/** Admin: scenarios, their templates, activation, and the event API that triggers them. */
export const scenarioRoutes = new Hono<AppEnv>()
  .get("/", async function list(c) {
    return c.json({ scenarios: await listScenarios(c.var.deps) });
  })
  .get("/templates", (c) =>
    c.json({
      templates: SCENARIO_TEMPLATES.map((t) => ({
        id: t.id,
        name: t.name,
        nameEn: t.nameEn,
        description: t.description,
        usesCoupon: t.usesCoupon,
      })),
    }),
  )
  .post("/from-template", zValidator("json", FromTemplateSchema, validationHook), async function fromTemplate(c) {
    const { templateId, couponId } = c.req.valid("json");
    const template = findScenarioTemplate(templateId);
    if (!template) throw notFound("No such template / テンプレートが見つかりません");
    return c.json(await createScenario(c.var.deps, template.build({ couponId }), c.var.user?.userId ?? null, template.id), 201);
  })
  .post("/", zValidator("json", ScenarioInputSchema, validationHook), async function create(c) {
    return c.json(await createScenario(c.var.deps, c.req.valid("json"), c.var.user?.userId ?? null), 201);
  })
  .get("/:id", zValidator("param", IdParam, validationHook), async function get(c) {
    return c.json(await getScenario(c.var.deps, c.req.valid("param").id));
  })
  .put(
    "/:id",
    zValidator("param", IdParam, validationHook),
    zValidator("json", ScenarioInputSchema, validationHook),
    async function edit(c) {
      return c.json(await editScenario(c.var.deps, c.req.valid("param").id, c.req.valid("json")));
    },
  )
  .post(
    "/:id/status",
    zValidator("param", IdParam, validationHook),
    zValidator("json", StatusSchema, validationHook),
    async function setStatus(c) {
      const { id } = c.req.valid("param");
      if (!(await updateScenarioStatus(c.var.db, id, c.req.valid("json").status, Date.now())))
        throw notFound("No such scenario / シナリオが見つかりません");
      return c.json(await getScenario(c.var.deps, id));
    },
  )
  .delete("/:id", zValidator("param", IdParam, validationHook), async function remove(c) {
    const { id } = c.req.valid("param");
    if (!(await findScenario(c.var.db, id))) throw notFound("No such scenario / シナリオが見つかりません");
    if (!(await deleteUnusedScenario(c.var.db, id)))
      throw conflict("Friends have been enrolled: pause it instead / 登録者がいるため削除できません。停止してください");
    return c.json({ id, deleted: true });
  });

/**
 * Admin: events from outside Enishi — a POS or cart reports a purchase or a cancellation — with an admin's
 * ID token (an operator's tool or a server holding one). See README "Step scenarios".
 */
export const scenarioEventRoutes = new Hono<AppEnv>().post(
  "/",
  zValidator("json", ScenarioEventSchema, validationHook),
  async function recordEvent(c) {
    const event = c.req.valid("json");
    if (!(await findFriend(c.var.db, event.userId))) throw notFound("No such friend / 友だちが見つかりません");
    return c.json(await recordScenarioEvent(c.var.deps, event));
  },
);

/** Staff: a friend's scenarios and where they are in each, for the profile beside the chat. */
export const friendScenarioRoutes = new Hono<AppEnv>().get(
  "/:userId/scenarios",
  zValidator("param", z.object({ userId: LineUserIdSchema }), validationHook),
  async function scenariosOfFriend(c) {
    const { userId } = c.req.valid("param");
    if (!(await findFriend(c.var.db, userId))) throw notFound("No such friend / 友だちが見つかりません");
    return c.json({ scenarios: await friendScenarios(c.var.deps, userId) });
  },
);
