import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

export const faqKeys = {
  all: ["faq-admin"] as const,
  entries: () => ["faq-admin", "entries"] as const,
  alternates: (status: string) => ["faq-admin", "alternates", status] as const,
};

const faq = client.api.admin.faq;
const getFaq = () => faq.$get();
export type FaqList = OkBody<Awaited<ReturnType<typeof getFaq>>>;
export type FaqEntryView = FaqList["entries"][number];

export function useFaqEntries() {
  return useQuery(queryOptions({ queryKey: faqKeys.entries(), queryFn: () => readJson(getFaq()) }));
}

export interface FaqEntryInput {
  question: string;
  answer: string;
  alternates: string[];
  enabled: boolean;
}

/** Every FAQ change invalidates the whole admin view: entries, pending phrasings, the version. */
function useFaqMutation<I, R>(run: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: faqKeys.all }) });
}

export function useCreateFaqEntry() {
  return useFaqMutation((input: FaqEntryInput & { id?: string }) => readJson(faq.$post({ json: input })));
}

export function useUpdateFaqEntry() {
  return useFaqMutation(({ id, ...patch }: Partial<FaqEntryInput> & { id: string }) =>
    readJson(faq[":id"].$put({ param: { id }, json: patch })),
  );
}

export function useDeleteFaqEntry() {
  return useFaqMutation((id: string) => readJson(faq[":id"].$delete({ param: { id } })));
}

export interface FaqFile {
  shop: string;
  domain: string;
  entries: Array<{ id: string; question: string; answer: string; alternates: string[] }>;
}

export function useImportFaq() {
  return useFaqMutation((input: { file: FaqFile; mode: "merge" | "replace" }) => readJson(faq.import.$post({ json: input })));
}

export function exportFaq(): Promise<FaqFile> {
  return readJson(faq.export.$get());
}

export type AlternateStatus = "pending" | "approved" | "rejected";
const getAlternates = (status: AlternateStatus) => faq.alternates.$get({ query: { status } });
export type AlternateView = OkBody<Awaited<ReturnType<typeof getAlternates>>>["alternates"][number];

export function useAlternates(status: AlternateStatus) {
  return useQuery(queryOptions({ queryKey: faqKeys.alternates(status), queryFn: () => readJson(getAlternates(status)) }));
}

export function useReviewAlternate() {
  return useFaqMutation(({ id, decision }: { id: number; decision: "approve" | "reject" | "delete" }) =>
    readJson(faq.alternates[":id"].review.$post({ param: { id: String(id) }, json: { decision } })),
  );
}
