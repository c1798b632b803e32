import {
  deleteSegment,
  findCouponsWithStats,
  findLinkChoices,
  findRanks,
  findSegment,
  findSegments,
  findStores,
  findSurveysWithCounts,
  findTagsWithCounts,
  insertSegment,
  updateSegment,
} from "@enishi/db";
import { SegmentFilterSchema, SegmentInputSchema } from "@enishi/shared/segments/index";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { conflict, notFound } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { assertTagsExist, compileOrRefuse, countSegment, previewSegment, toSegmentDto } from "./segments.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const CountSchema = z.object({ filter: SegmentFilterSchema });
const PreviewSchema = z.object({ filter: SegmentFilterSchema, limit: z.number().int().min(1).max(50).default(20) });

/** Admin: saved segments, and the live count + member preview the editor asks for while a filter is edited. */
export const segmentRoutes = new Hono<AppEnv>()
  .get("/", async function listSegments(c) {
    const rows = await findSegments(c.var.db);
    return c.json({ segments: rows.map(toSegmentDto) });
  })
  .get("/options", async function segmentOptions(c) {
    // What the editor's pickers offer: everything a condition can name.
    const [tags, stores, ranks, coupons, surveys, links] = await Promise.all([
      findTagsWithCounts(c.var.db, false),
      findStores(c.var.db),
      findRanks(c.var.db),
      findCouponsWithStats(c.var.db, { limit: 200 }),
      findSurveysWithCounts(c.var.db, { limit: 200 }),
      findLinkChoices(c.var.db),
    ]);
    return c.json({
      tags: tags.map((t) => ({ id: t.id, name: t.name, color: t.color, friends: Number(t.friend_count) })),
      stores: stores.map((s) => ({ id: s.id, name: s.name })),
      ranks: ranks.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en })),
      coupons: coupons.map((k) => ({ id: k.id, title: k.title, status: k.status })),
      surveys: surveys.map((s) => ({ id: s.id, title: s.title, status: s.status })),
      links,
    });
  })
  .post("/count", zValidator("json", CountSchema, validationHook), async function count(c) {
    // The number alone, cheap enough to ask on every edit; the preview adds members.
    const started = Date.now();
    const total = await countSegment(c.var.deps, c.req.valid("json").filter, Date.now());
    return c.json({ count: total, tookMs: Date.now() - started });
  })
  .post("/preview", zValidator("json", PreviewSchema, validationHook), async function preview(c) {
    const { filter, limit } = c.req.valid("json");
    return c.json(await previewSegment(c.var.deps, filter, limit, Date.now()));
  })
  .post("/", zValidator("json", SegmentInputSchema, validationHook), async function createSegment(c) {
    const input = c.req.valid("json");
    const now = Date.now();
    compileOrRefuse(input.filter, now);
    await assertTagsExist(c.var.deps, input.filter);
    const id = crypto.randomUUID();
    await insertSegment(c.var.db, {
      id,
      name: input.name,
      description: input.description,
      filter: JSON.stringify(input.filter),
      created_by: c.var.user?.userId ?? null,
      created_at: now,
      updated_at: now,
    });
    const row = await findSegment(c.var.db, id);
    if (!row) throw notFound();
    return c.json(toSegmentDto(row), 201);
  })
  .get("/:id", zValidator("param", IdParam, validationHook), async function getSegment(c) {
    const row = await findSegment(c.var.db, c.req.valid("param").id);
    if (!row) throw notFound("No such segment / セグメントが見つかりません");
    return c.json(toSegmentDto(row));
  })
  .put(
    "/:id",
    zValidator("param", IdParam, validationHook),
    zValidator("json", SegmentInputSchema, validationHook),
    async function editSegment(c) {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const now = Date.now();
      compileOrRefuse(input.filter, now);
      await assertTagsExist(c.var.deps, input.filter);
      const updated = await updateSegment(c.var.db, id, {
        name: input.name,
        description: input.description,
        filter: JSON.stringify(input.filter),
        updated_at: now,
      });
      if (!updated) throw notFound("No such segment / セグメントが見つかりません");
      const row = await findSegment(c.var.db, id);
      if (!row) throw notFound();
      return c.json(toSegmentDto(row));
    },
  )
  .delete("/:id", zValidator("param", IdParam, validationHook), async function removeSegment(c) {
    const { id } = c.req.valid("param");
    if (!(await findSegment(c.var.db, id))) throw notFound("No such segment / セグメントが見つかりません");
    if (!(await deleteSegment(c.var.db, id))) throw conflict("A broadcast uses this segment / 配信で使われているため削除できません");
    return c.json({ id, deleted: true });
  });
