/** Query keys of the surveys feature. */
export const surveyKeys = {
  all: ["surveys"] as const,
  mine: () => ["surveys", "mine"] as const,
  detail: (surveyId: string) => ["surveys", "detail", surveyId] as const,
  admin: () => ["surveys", "admin"] as const,
  adminDetail: (surveyId: string) => ["surveys", "admin", surveyId] as const,
  results: (surveyId: string) => ["surveys", "admin", surveyId, "results"] as const,
};
