import { z } from "zod";

/** Every message on the JOBS queue. A discriminated union, parsed on the way out like any other input. */
export const JobSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("webhook-event"),
    receivedAt: z.number(),
    /** The raw event as LINE sent it; parsed per type by the handler so unknown fields pass untouched. */
    event: z.record(z.string(), z.unknown()),
  }),
]);
export type Job = z.infer<typeof JobSchema>;

/** The binding's type is generated untyped; this pins what may be sent. */
export function jobsQueue(env: Env): Queue<Job> {
  return env.JOBS as Queue<Job>;
}
