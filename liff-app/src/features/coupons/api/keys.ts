/** Query keys of the coupons feature; mutations invalidate by these. */
export const couponKeys = {
  all: ["coupons"] as const,
  mine: () => ["coupons", "mine"] as const,
  detail: (couponId: string) => ["coupons", "detail", couponId] as const,
  admin: () => ["coupons", "admin"] as const,
  adminDetail: (couponId: string) => ["coupons", "admin", couponId] as const,
  options: () => ["coupons", "admin", "options"] as const,
};
