import { z } from "zod";

/** LINE user IDs are "U" followed by 32 lowercase hex digits. */
export const LineUserIdSchema = z.string().regex(/^U[0-9a-f]{32}$/, "LINE user ID: U + 32 hex digits");
export type LineUserId = z.infer<typeof LineUserIdSchema>;
