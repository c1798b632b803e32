import type { ScenarioInput } from "@enishi/shared/scenarios/index";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

export const scenarioKeys = {
  all: ["scenarios"] as const,
  list: () => ["scenarios", "list"] as const,
  detail: (id: string) => ["scenarios", "detail", id] as const,
  templates: () => ["scenarios", "templates"] as const,
  coupons: () => ["scenarios", "coupons"] as const,
  friend: (userId: string) => ["scenarios", "friend", userId] as const,
};

const getFriendScenarios = (userId: string) => client.api.staff.friends[":userId"].scenarios.$get({ param: { userId } });
export type FriendScenario = OkBody<Awaited<ReturnType<typeof getFriendScenarios>>>["scenarios"][number];

export function useScenarios() {
  return useQuery({ queryKey: scenarioKeys.list(), queryFn: () => readJson(client.api.admin.scenarios.$get()) });
}

export function useScenario(id: string | null) {
  return useQuery({
    queryKey: scenarioKeys.detail(id ?? "new"),
    queryFn: () => readJson(client.api.admin.scenarios[":id"].$get({ param: { id: id ?? "" } })),
    enabled: id !== null,
  });
}

export function useScenarioTemplates() {
  return useQuery({
    queryKey: scenarioKeys.templates(),
    queryFn: () => readJson(client.api.admin.scenarios.templates.$get()),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Coupons a step can grant (the segment options list them with their status). */
export function useGrantableCoupons() {
  return useQuery({
    queryKey: scenarioKeys.coupons(),
    queryFn: async () => (await readJson(client.api.admin.segments.options.$get())).coupons,
    staleTime: 30_000,
  });
}

export function useCreateFromTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { templateId: string; couponId?: string }) =>
      readJson(client.api.admin.scenarios["from-template"].$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scenarioKeys.list() }),
  });
}

export function useSaveScenario(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScenarioInput) =>
      id === null
        ? readJson(client.api.admin.scenarios.$post({ json: input }))
        : readJson(client.api.admin.scenarios[":id"].$put({ param: { id }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scenarioKeys.all }),
  });
}

export function useScenarioStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: "active" | "paused") =>
      readJson(client.api.admin.scenarios[":id"].status.$post({ param: { id }, json: { status } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scenarioKeys.all }),
  });
}

export function useDeleteScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => readJson(client.api.admin.scenarios[":id"].$delete({ param: { id } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scenarioKeys.all }),
  });
}

/** A friend's enrolments and step history, for the profile beside the chat (staff). */
export function useFriendScenarios(userId: string) {
  return useQuery({ queryKey: scenarioKeys.friend(userId), queryFn: () => readJson(getFriendScenarios(userId)) });
}
