import { z } from "zod";
import { RoleSchema } from "./roles.ts";

/** GET /api/me — who the verified ID token says the caller is. */
export const MeSchema = z.object({
  userId: z.string(),
  displayName: z.string().nullable(),
  pictureUrl: z.string().nullable(),
  roles: z.array(RoleSchema),
  friend: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

/** GET /api/config — public runtime configuration for the LIFF app. */
export const PublicConfigSchema = z.object({
  liffId: z.string(),
  env: z.enum(["production", "development", "test"]),
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;
