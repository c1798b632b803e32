/** Query keys of the inbox; the live socket invalidates by these. */
export const inboxKeys = {
  all: ["inbox"] as const,
  conversations: () => ["inbox", "conversations"] as const,
  conversationList: (state: string) => ["inbox", "conversations", state] as const,
  timeline: (userId: string) => ["inbox", "timeline", userId] as const,
  profile: (userId: string) => ["inbox", "profile", userId] as const,
  cannedReplies: () => ["inbox", "canned-replies"] as const,
  team: () => ["inbox", "team"] as const,
  faqQuestions: () => ["inbox", "faq-questions"] as const,
};
