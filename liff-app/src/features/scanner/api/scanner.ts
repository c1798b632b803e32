import { useMutation, useQuery } from "@tanstack/react-query";
import { client, type OkBody, readJson } from "../../../lib/api.ts";

const postScan = (code: string, storeId: string | null) => client.api.staff.scans.$post({ json: { code, storeId } });
export type ScanResult = OkBody<Awaited<ReturnType<typeof postScan>>>;

const postAward = (scanId: string, amountYen: number) =>
  client.api.staff.scans[":scanId"].award.$post({ param: { scanId }, json: { amountYen } });
export type AwardResult = OkBody<Awaited<ReturnType<typeof postAward>>>;

const postRedeem = (scanId: string, grantId: string) =>
  client.api.staff.scans[":scanId"].coupons[":grantId"].redeem.$post({ param: { scanId, grantId } });
export type RedeemResult = OkBody<Awaited<ReturnType<typeof postRedeem>>>;

/** GET /api/staff/stores — where this scanner is. */
export function useStores() {
  return useQuery({ queryKey: ["staff", "stores"], queryFn: () => readJson(client.api.staff.stores.$get()), staleTime: 5 * 60_000 });
}

/** POST /api/staff/scans — accepts a member-card code once and shows the member. */
export function useScanCard() {
  return useMutation({ mutationFn: (input: { code: string; storeId: string | null }) => readJson(postScan(input.code, input.storeId)) });
}

/** POST /api/staff/scans/:scanId/award — points for one purchase (once per scan). */
export function useAwardPoints() {
  return useMutation({ mutationFn: (input: { scanId: string; amountYen: number }) => readJson(postAward(input.scanId, input.amountYen)) });
}

/** POST /api/staff/scans/:scanId/coupons/:grantId/redeem — one of the scanned member's coupons, once. */
export function useRedeemCoupon() {
  return useMutation({ mutationFn: (input: { scanId: string; grantId: string }) => readJson(postRedeem(input.scanId, input.grantId)) });
}

const postCouponCode = (code: string, storeId: string | null) =>
  client.api.staff.coupons.redeem.$post({ json: { code, storeId, channel: "counter" } });
export type CouponCodeResult = OkBody<Awaited<ReturnType<typeof postCouponCode>>>;

/** POST /api/staff/coupons/redeem — a coupon's own QR (「今すぐ使う」 screen) scanned at the counter, once. */
export function useRedeemCouponCode() {
  return useMutation({
    mutationFn: (input: { code: string; storeId: string | null }) => readJson(postCouponCode(input.code, input.storeId)),
  });
}
