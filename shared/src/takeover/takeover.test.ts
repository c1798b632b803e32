import { describe, expect, it } from "vitest";
import { businessStatus } from "../business-hours/hours.ts";
import { DEFAULT_BUSINESS_HOURS } from "../business-hours/schema.ts";
import { applyTakeover, botMayAnswer, botTakeover, MISS_LIMIT, needsHoursNotice, type Takeover, type TakeoverEvent } from "./state.ts";

const HOUR = 3_600_000;
const tokyo = (iso: string) => Date.parse(`${iso}+09:00`);
const alice = { userId: "U00000000000000000000000000000a11", name: "Alice" };
const bob = { userId: "U00000000000000000000000000000b0b", name: "Bob" };

/** Applies events in order; a conflict or no-op leaves the state as it was. */
function run(start: Takeover, ...events: TakeoverEvent[]): Takeover {
  return events.reduce((state, event) => {
    const t = applyTakeover(state, event);
    return t.outcome === "changed" ? t.next : state;
  }, start);
}

describe("takeover state machine", () => {
  const t0 = tokyo("2026-11-05T11:00:00");

  it("silences the bot from the handover until staff resolve the chat", () => {
    const waiting = run(botTakeover(t0), { type: "handover", reason: "requested", at: t0, openNow: true });
    expect(waiting.state).toBe("waiting");
    expect(botMayAnswer(waiting)).toBe(false);
    const held = run(waiting, { type: "take", staff: alice, at: t0 + 60_000, force: false });
    expect(held).toMatchObject({ state: "staff", assignee: alice, waitingSince: t0 });
    expect(botMayAnswer(held)).toBe(false);
    const resolved = applyTakeover(held, { type: "resolve", staff: alice, at: t0 + HOUR, force: false });
    expect(resolved).toMatchObject({ outcome: "changed", released: true, next: { state: "bot", assignee: null } });
    expect(botMayAnswer(run(held, { type: "resolve", staff: alice, at: t0 + HOUR, force: false }))).toBe(true);
  });

  it("hands over after repeated unhelpful answers, and a helpful one resets the count", () => {
    const once = run(botTakeover(t0), { type: "miss", at: t0, openNow: true });
    expect(once).toMatchObject({ state: "bot", misses: 1 });
    expect(run(once, { type: "helped", at: t0 }, { type: "miss", at: t0, openNow: true }).state).toBe("bot");
    const events: TakeoverEvent[] = Array.from({ length: MISS_LIMIT }, () => ({ type: "miss", at: t0, openNow: true }));
    expect(run(botTakeover(t0), ...events)).toMatchObject({ state: "waiting", reason: "unhelpful" });
  });

  it("refuses to let a second member of staff take a held chat unknowingly, and says who holds it", () => {
    const held = run(botTakeover(t0), { type: "take", staff: alice, at: t0, force: false });
    expect(applyTakeover(held, { type: "take", staff: bob, at: t0, force: false })).toEqual({ outcome: "conflict", holder: alice });
    expect(applyTakeover(held, { type: "staff-reply", staff: bob, at: t0, force: false })).toEqual({ outcome: "conflict", holder: alice });
    expect(run(held, { type: "take", staff: bob, at: t0, force: true }).assignee).toEqual(bob);
    expect(run(held, { type: "assign", staff: bob, at: t0 }).assignee).toEqual(bob);
  });

  it("takes the chat when staff reply while the bot has it, so the bot stops answering", () => {
    const replied = run(botTakeover(t0), { type: "staff-reply", staff: alice, at: t0, force: false });
    expect(replied).toMatchObject({ state: "staff", assignee: alice, reason: "staff" });
  });

  it("releases a chat to the bot after the idle hours, counting from the last message", () => {
    const held = run(
      botTakeover(t0),
      { type: "handover", reason: "out-of-scope", at: t0, openNow: true },
      { type: "customer-message", at: t0 + 10 * HOUR },
    );
    const idleMs = 24 * HOUR;
    expect(applyTakeover(held, { type: "idle-release", at: t0 + 30 * HOUR, idleMs })).toEqual({ outcome: "unchanged" });
    const released = applyTakeover(held, { type: "idle-release", at: t0 + 34 * HOUR, idleMs });
    expect(released).toMatchObject({ outcome: "changed", released: true, next: { state: "bot" } });
  });

  it("tells a customer waiting on a public holiday when to expect a reply, once", () => {
    const holiday = tokyo("2026-11-03T11:00:00"); // 文化の日: the shop is closed
    const status = businessStatus(DEFAULT_BUSINESS_HOURS, holiday);
    expect(status.open).toBe(false);
    // Handed over while open; the customer writes again on the holiday.
    const waiting = run(botTakeover(t0), { type: "handover", reason: "requested", at: tokyo("2026-11-02T18:00:00"), openNow: true });
    expect(needsHoursNotice(waiting, status.open)).toBe(true);
    const noticed = run(waiting, { type: "hours-notice", at: holiday });
    expect(needsHoursNotice(noticed, status.open)).toBe(false);
    expect(status.nextOpenAt).toBe(tokyo("2026-11-04T10:00:00"));
    // Handed over on the holiday itself: the handover message was the notice.
    const handedOnHoliday = run(botTakeover(holiday), { type: "handover", reason: "requested", at: holiday, openNow: status.open });
    expect(needsHoursNotice(handedOnHoliday, status.open)).toBe(false);
  });

  it("never sends an hours notice while open, nor while the bot has the chat", () => {
    const waiting = run(botTakeover(t0), { type: "handover", reason: "requested", at: t0, openNow: true });
    expect(needsHoursNotice(waiting, true)).toBe(false);
    expect(needsHoursNotice(botTakeover(t0), false)).toBe(false);
  });

  it("ignores a second handover while the chat is already with staff", () => {
    const held = run(botTakeover(t0), { type: "take", staff: alice, at: t0, force: false });
    expect(applyTakeover(held, { type: "handover", reason: "requested", at: t0 + 1, openNow: true })).toEqual({ outcome: "unchanged" });
  });
});
