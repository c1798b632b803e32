import { app } from "./app.ts";
import { consumeJobs } from "./jobs/consumer.ts";
import { runScheduled } from "./jobs/cron.ts";

export { Inbox } from "./inbox/inbox.ts";

export default {
  fetch: app.fetch,
  async queue(batch, env, ctx) {
    await consumeJobs(batch, env, ctx);
  },
  async scheduled(controller, env) {
    await runScheduled(controller, env);
  },
} satisfies ExportedHandler<Env>;
