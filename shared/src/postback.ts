import { z } from "zod";

/**
 * Postback `data` is a URL-encoded query string with an `action` discriminator,
 * e.g. `action=open-card` — short (LINE caps data at 300 chars) and readable in logs.
 */
export const PostbackActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("open-card") }),
  z.object({ action: z.literal("contact-staff") }),
  // Starts LINE's account-link flow (linkToken → the shop's login page → accountLink event).
  z.object({ action: z.literal("link-account") }),
  // The FAQ bot: a choice among its suggestions, and 解決した / 解決しない after an answer (issue 4).
  z.object({ action: z.literal("faq-answer"), id: z.string().min(1).max(100) }),
  z.object({ action: z.literal("faq-feedback"), id: z.string().min(1).max(100), solved: z.enum(["yes", "no"]) }),
  // Comes with a rich-menu tab switch (richmenuswitch): LINE has already switched the menu; nothing to answer.
  z.object({ action: z.literal("switch-menu") }),
]);
export type PostbackAction = z.infer<typeof PostbackActionSchema>;

export function encodePostback(action: PostbackAction): string {
  return new URLSearchParams(Object.entries(action).map(([k, v]) => [k, String(v)])).toString();
}

/** Returns undefined for data this version does not understand (old menus, other tools). */
export function parsePostback(data: string): PostbackAction | undefined {
  const params = Object.fromEntries(new URLSearchParams(data));
  const parsed = PostbackActionSchema.safeParse(params);
  return parsed.success ? parsed.data : undefined;
}
