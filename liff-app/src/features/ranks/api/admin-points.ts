import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

const admin = client.api.admin;
const getRanks = () => admin.ranks.$get();
const getStores = () => admin.points.stores.$get();
const getMember = (memberNumber: string) => admin.points.members[":memberNumber"].$get({ param: { memberNumber } });
const getAudit = () => admin.audit.$get({ query: {} });
export type AdminRank = OkBody<Awaited<ReturnType<typeof getRanks>>>["ranks"][number];
export type AdminStore = OkBody<Awaited<ReturnType<typeof getStores>>>["stores"][number];
export type MemberPoints = OkBody<Awaited<ReturnType<typeof getMember>>>;
export type AuditEntry = OkBody<Awaited<ReturnType<typeof getAudit>>>["entries"][number];

export const pointKeys = {
  settings: ["admin", "points", "settings"] as const,
  ranks: ["admin", "ranks"] as const,
  stores: ["admin", "points", "stores"] as const,
  member: (n: string) => ["admin", "points", "member", n] as const,
  audit: ["admin", "audit"] as const,
};

export function usePointSettings() {
  return useQuery({ queryKey: pointKeys.settings, queryFn: () => readJson(admin.points.settings.$get()) });
}

export function useSavePointSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: { rateBp: number; expiryMonths: number; expiryNoticeDays: number; rankWindowMonths: number }) =>
      readJson(admin.points.settings.$put({ json })),
    onSuccess: (data) => {
      qc.setQueryData(pointKeys.settings, data);
      void qc.invalidateQueries({ queryKey: pointKeys.audit });
    },
  });
}

export function useRanks() {
  return useQuery({ queryKey: pointKeys.ranks, queryFn: () => readJson(getRanks()) });
}

export function useSaveRanks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ranks: (Omit<AdminRank, "id"> & { id?: string })[]) => readJson(admin.ranks.$put({ json: { ranks } })),
    onSuccess: (data) => {
      qc.setQueryData(pointKeys.ranks, data);
      void qc.invalidateQueries({ queryKey: pointKeys.audit });
    },
  });
}

export function useAdminStores() {
  return useQuery({ queryKey: pointKeys.stores, queryFn: () => readJson(getStores()) });
}

export function useSaveStore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { create: boolean; id: string; name: string; address: string | null; pointRateBp: number | null }) => {
      const { create, id, ...rest } = input;
      return create
        ? readJson(admin.points.stores.$post({ json: { id, ...rest } }))
        : readJson(admin.points.stores[":id"].$patch({ param: { id }, json: rest }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: pointKeys.stores });
      void qc.invalidateQueries({ queryKey: pointKeys.audit });
    },
  });
}

export function useMemberPoints(memberNumber: string | null) {
  return useQuery({
    queryKey: pointKeys.member(memberNumber ?? ""),
    queryFn: () => readJson(getMember(memberNumber ?? "")),
    enabled: memberNumber !== null,
  });
}

export function useAdjustPoints(memberNumber: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: { points: number; reason: string; requestKey: string }) =>
      readJson(admin.points.members[":memberNumber"].adjust.$post({ param: { memberNumber }, json })),
    onSuccess: (data) => {
      qc.setQueryData(pointKeys.member(memberNumber), data);
      void qc.invalidateQueries({ queryKey: pointKeys.audit });
    },
  });
}

export function useAudit() {
  return useQuery({ queryKey: pointKeys.audit, queryFn: () => readJson(getAudit()) });
}
