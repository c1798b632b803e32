import type { Deps } from "../../deps.ts";
import { jobsQueue } from "../../jobs/job.ts";
import { sendRankUp } from "../ranks/rank-up.ts";
import { recomputeRanksPage } from "../ranks/ranks.service.ts";
import { sendExpiryNotice } from "./expiry.service.ts";
import type { MemberJob } from "./member.jobs.ts";

/** Runs one member-card job from the queue; every handler is safe to run again (send keys, conditional updates). */
export async function runMemberJob(deps: Deps, job: MemberJob): Promise<void> {
  switch (job.type) {
    case "rank-up":
      await sendRankUp(deps, job);
      return;
    case "points-expiry-notice":
      await sendExpiryNotice(deps, job);
      return;
    case "ranks-recompute": {
      const next = await recomputeRanksPage(deps, job.afterId, job.staleTags);
      if (next !== null) await jobsQueue(deps.env).send({ type: "ranks-recompute", afterId: next, staleTags: job.staleTags });
      return;
    }
  }
}
