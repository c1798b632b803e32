import type { MyCouponDetail, MyCoupons } from "@enishi/shared";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { client, readJson } from "../../../lib/api.ts";
import { couponKeys } from "./keys.ts";

/** GET /api/coupons — the customer's coupons: available (held + claimable), used, expired. */
export const myCouponsQueryOptions = queryOptions({
  queryKey: couponKeys.mine(),
  queryFn: async (): Promise<MyCoupons> => readJson(client.api.coupons.$get()),
});

export function useMyCoupons() {
  return useQuery(myCouponsQueryOptions);
}

/** GET /api/coupons/:id — one coupon, the customer's copies, whether they can take one. */
export function useCouponDetail(couponId: string) {
  return useQuery({
    queryKey: couponKeys.detail(couponId),
    queryFn: async (): Promise<MyCouponDetail> => readJson(client.api.coupons[":id"].$get({ param: { id: couponId } })),
  });
}

/** POST /api/coupons/:id/claim — take a copy (a lottery coupon draws first). */
export function useClaimCoupon(couponId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => readJson(client.api.coupons[":id"].claim.$post({ param: { id: couponId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: couponKeys.all }),
  });
}

/** POST /api/coupons/grants/:id/use — the "use now" screen, confirmed by the clerk. */
export function useRedeemOwnCoupon(grantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => readJson(client.api.coupons.grants[":id"].use.$post({ param: { id: grantId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: couponKeys.all }),
  });
}
