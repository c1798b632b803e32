import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { recordAudit } from "../audit/audit.service.ts";
import {
  createFaqEntry,
  deleteFaqEntry,
  exportFaq,
  FaqEntryInputSchema,
  FaqEntryPatchSchema,
  FaqImportSchema,
  importFaq,
  listAlternates,
  listFaq,
  reviewAlternate,
  updateFaqEntry,
} from "./faq-admin.service.ts";

const actor = (c: Context<AppEnv>) => c.var.user?.userId ?? "-";

const IdParam = z.object({ id: z.string().min(1).max(100) });
const AlternateParam = z.object({ id: z.coerce.number().int().positive() });
const AlternatesQuery = z.object({ status: z.enum(["pending", "approved", "rejected"]).optional() });
const ReviewBody = z.object({ decision: z.enum(["approve", "reject", "delete"]) });

/** Admin: FAQ entries (CRUD), import/export in the shared JSON format, and review of learned phrasings. */
export const faqAdminRoutes = new Hono<AppEnv>()
  .get("/", async function getFaq(c) {
    return c.json(await listFaq(c.var.deps));
  })
  .post("/", zValidator("json", FaqEntryInputSchema, validationHook), async function addEntry(c) {
    const deps = c.var.deps;
    const entry = await createFaqEntry(deps, c.req.valid("json"));
    await recordAudit(deps, { staffUserId: actor(c), storeId: null, action: "faq.create", subjectRef: entry.id });
    return c.json({ entry }, 201);
  })
  .get("/export", async function exportEntries(c) {
    const file = await exportFaq(c.var.deps);
    c.header("content-disposition", 'attachment; filename="faq.json"');
    return c.json(file);
  })
  .post("/import", zValidator("json", FaqImportSchema, validationHook), async function importEntries(c) {
    const deps = c.var.deps;
    const result = await importFaq(deps, c.req.valid("json"));
    await recordAudit(deps, { staffUserId: actor(c), storeId: null, action: "faq.import", details: result });
    return c.json(result);
  })
  .get("/alternates", zValidator("query", AlternatesQuery, validationHook), async function getAlternates(c) {
    return c.json({ alternates: await listAlternates(c.var.deps, c.req.valid("query").status) });
  })
  .post(
    "/alternates/:id/review",
    zValidator("param", AlternateParam, validationHook),
    zValidator("json", ReviewBody, validationHook),
    async function review(c) {
      const deps = c.var.deps;
      const { id } = c.req.valid("param");
      const { decision } = c.req.valid("json");
      const alternate = await reviewAlternate(deps, id, decision, actor(c));
      await recordAudit(deps, { staffUserId: actor(c), storeId: null, action: `faq.alternate.${decision}`, subjectRef: String(id) });
      return c.json({ alternate });
    },
  )
  .put(
    "/:id",
    zValidator("param", IdParam, validationHook),
    zValidator("json", FaqEntryPatchSchema, validationHook),
    async function editEntry(c) {
      const deps = c.var.deps;
      const entry = await updateFaqEntry(deps, c.req.valid("param").id, c.req.valid("json"));
      await recordAudit(deps, { staffUserId: actor(c), storeId: null, action: "faq.update", subjectRef: entry.id });
      return c.json({ entry });
    },
  )
  .delete("/:id", zValidator("param", IdParam, validationHook), async function removeEntry(c) {
    const deps = c.var.deps;
    const { id } = c.req.valid("param");
    await deleteFaqEntry(deps, id);
    await recordAudit(deps, { staffUserId: actor(c), storeId: null, action: "faq.delete", subjectRef: id });
    return c.json({ deleted: id });
  });
