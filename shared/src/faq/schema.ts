/**
 * FAQ import/export format (../shared/faq/README.md) and the evaluation files. The same schemas validate
 * the admin console's import, the bot's stored entries and the `faq:eval` command's inputs.
 */
import { z } from "zod";

export const FaqEntrySchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answer: z.string(),
  alternates: z.array(z.string().min(1)).default([]),
});
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

export const FaqFileSchema = z
  .object({
    shop: z.string(),
    domain: z.string(),
    entries: z.array(FaqEntrySchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const [i, entry] of file.entries.entries()) {
      if (seen.has(entry.id)) ctx.addIssue({ code: "custom", path: ["entries", i, "id"], message: `duplicate id "${entry.id}"` });
      seen.add(entry.id);
    }
  });
export type FaqFile = z.infer<typeof FaqFileSchema>;

/** One line of a queries or learn file: `expected` null means the bot must not answer. */
export const LabelledQuerySchema = z.object({
  q: z.string(),
  expected: z.string().min(1).nullable(),
});
export type LabelledQuery = z.infer<typeof LabelledQuerySchema>;

export const FaqActionSchema = z.enum(["answer", "suggest", "escalate", "smalltalk", "human"]);
export type FaqAction = z.infer<typeof FaqActionSchema>;
