// Control API for the sandbox itself: reset, configuration, faults, the call log and rich menu images.
import { Hono } from "hono";
import { z } from "zod";
import { addFault, clearFaults, FaultInputSchema } from "../faults.ts";
import type { SandboxEnv } from "../http/env.ts";
import { resetState, type SandboxState } from "../state.ts";
import { richMenuView } from "./users.ts";
import { controlError, parseControlBody } from "./validation.ts";

const ConfigInputSchema = z.object({
  webhookUrl: z.string().url().nullable().optional(),
  replyTokenTtlMs: z.number().int().nonnegative().optional(),
  linkTokenTtlMs: z.number().int().nonnegative().optional(),
  monthlyQuota: z.number().int().nonnegative().nullable().optional(),
  /** Messages already counted this month, to start a test near the limit. */
  quotaUsage: z.number().int().nonnegative().optional(),
  timeoutHoldMs: z.number().int().nonnegative().optional(),
  webhookTimeoutMs: z.number().int().positive().optional(),
});

function configView(state: SandboxState) {
  const { channelAccessToken: _token, channelSecret: _secret, ...channel } = state.channel;
  return { ...state.config, quotaUsage: state.quotaUsage, origin: state.origin, ...channel };
}

export function adminControlRoutes(state: SandboxState) {
  return new Hono<SandboxEnv>()
    .post("/__sandbox/reset", (c) => {
      resetState(state);
      return c.json({ ok: true });
    })
    .get("/__sandbox/config", (c) => c.json(configView(state)))
    .put("/__sandbox/config", async (c) => {
      const { quotaUsage, ...config } = await parseControlBody(c, ConfigInputSchema);
      for (const [key, value] of Object.entries(config)) {
        if (value !== undefined) Object.assign(state.config, { [key]: value });
      }
      if (quotaUsage !== undefined) state.quotaUsage = quotaUsage;
      return c.json(configView(state));
    })
    .get("/__sandbox/faults", (c) => c.json({ faults: state.faults }))
    .post("/__sandbox/faults", async (c) => c.json({ fault: addFault(state, await parseControlBody(c, FaultInputSchema)) }))
    .delete("/__sandbox/faults", (c) => c.json({ cleared: clearFaults(state, c.req.query("endpoint")) }))
    .get("/__sandbox/calls", (c) => {
      const endpoint = c.req.query("endpoint");
      return c.json({ calls: endpoint ? state.calls.filter((call) => call.endpoint === endpoint) : state.calls });
    })
    .delete("/__sandbox/calls", (c) => {
      state.calls.length = 0;
      return c.json({ ok: true });
    })
    .get("/__sandbox/richmenus", (c) =>
      c.json({
        richMenus: [...state.richMenus.values()].map((menu) => ({ ...richMenuView(state, menu), hasImage: !!menu.image })),
        defaultRichMenuId: state.defaultRichMenuId,
        aliases: Object.fromEntries(state.aliases),
      }),
    )
    .get("/__sandbox/richmenu/:richMenuId/image", (c) => {
      const image = state.richMenus.get(c.req.param("richMenuId"))?.image;
      if (!image) throw controlError(404, "No such rich menu image");
      return c.body(new Uint8Array(image.bytes), 200, { "content-type": image.contentType, "cache-control": "no-store" });
    });
}
