import type { CouponInput, CouponSendInput } from "@enishi/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, type OkBody, readJson, settle } from "../../../lib/api.ts";
import { couponKeys } from "./keys.ts";

const listCoupons = () => client.api.admin.coupons.$get();
export type AdminCoupon = OkBody<Awaited<ReturnType<typeof listCoupons>>>["coupons"][number];

export function useAdminCoupons() {
  return useQuery({ queryKey: couponKeys.admin(), queryFn: () => readJson(listCoupons()) });
}

export function useAdminCoupon(couponId: string | null) {
  return useQuery({
    queryKey: couponKeys.adminDetail(couponId ?? "new"),
    queryFn: () => readJson(client.api.admin.coupons[":id"].$get({ param: { id: couponId ?? "" } })),
    enabled: couponId !== null,
    // The send progress moves by itself while a send is going.
    refetchInterval: (query) => (query.state.data?.sends.some((s) => s.status === "sending") ? 2000 : false),
  });
}

/** The tags an audience can be. */
export function useCouponOptions() {
  return useQuery({ queryKey: couponKeys.options(), queryFn: () => readJson(client.api.admin.coupons.options.$get()) });
}

export function useSaveCoupon(couponId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CouponInput) =>
      couponId === null
        ? readJson(client.api.admin.coupons.$post({ json: input }))
        : readJson(client.api.admin.coupons[":id"].$put({ param: { id: couponId }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: couponKeys.admin() }),
  });
}

/**
 * POST /api/admin/coupons/:id/send. To one friend the server answers 502 `{ delivered: false }` when LINE
 * refused; that is an outcome to show, not an exception.
 */
export function useSendCoupon(couponId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CouponSendInput) => {
      const response = await settle(client.api.admin.coupons[":id"].send.$post({ param: { id: couponId }, json: input }));
      if (response.status === 502) return { to: "user" as const, delivered: false };
      return readJson(Promise.resolve(response));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: couponKeys.adminDetail(couponId) }),
  });
}
