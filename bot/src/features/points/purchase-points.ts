/**
 * Points for a purchase: amount × the store's rate (or the shop's default) × the member's rank multiplier,
 * rounded down. Integers throughout (basis points, percent), so no floating-point drift in the ledger.
 *   ¥1,980 at 100 bp (1 pt per ¥100) for a ×2 rank → floor(1980 × 100 × 200 / 1,000,000) = 39
 */
export function purchasePoints(input: { amountYen: number; rateBp: number; multiplierPct: number }): number {
  const { amountYen, rateBp, multiplierPct } = input;
  if (![amountYen, rateBp, multiplierPct].every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError("amount, rate and multiplier must be non-negative integers");
  }
  return Math.floor((amountYen * rateBp * multiplierPct) / 1_000_000);
}

/** Calendar months later (a grant on 31 Jan with 1 month expires at the end of February, not 3 March). */
export function addMonths(at: number, months: number): number {
  const date = new Date(at);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}
