/** Query keys of the inbox; the live socket invalidates by these. */
export const inboxKeys = {
  all: ["inbox"] as const,
  conversations: () => ["inbox", "conversations"] as const,
  timeline: (userId: string) => ["inbox", "timeline", userId] as const,
};
