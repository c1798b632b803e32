import { describe, expect, it } from "vitest";
import { formatJst } from "../broadcasts/quiet-hours.ts";
import { ScenarioStepsSchema } from "./scenario.schema.ts";
import { SCENARIO_TEMPLATES } from "./templates.ts";
import { stepDueAt } from "./timing.ts";

const jst = (s: string) => Date.parse(`${s}+09:00`);
const NIGHT = { start: "21:00", end: "09:00" };

describe("step timing", () => {
  it("puts 'day 5 at 10:00' on the fifth JST day after the trigger's day, whatever time it happened", () => {
    const anchorAt = jst("2026-04-01T23:50");
    expect(formatJst(stepDueAt({ type: "dayAt", day: 5, time: "10:00" }, { anchorAt, previousAt: anchorAt }, null))).toBe(
      "2026-04-06 10:00",
    );
  });

  it("runs a 'day N' step at once when its time has already passed", () => {
    const anchorAt = jst("2026-04-01T15:00");
    const due = stepDueAt({ type: "dayAt", day: 0, time: "10:00" }, { anchorAt, previousAt: anchorAt }, null);
    expect(due).toBe(anchorAt);
  });

  it("counts 'after N minutes' from the previous step", () => {
    const previousAt = jst("2026-04-03T11:00");
    expect(formatJst(stepDueAt({ type: "after", minutes: 90 }, { anchorAt: 0, previousAt }, null))).toBe("2026-04-03 12:30");
  });

  it("moves a step that falls in quiet hours to their end", () => {
    const previousAt = jst("2026-04-03T20:30");
    expect(formatJst(stepDueAt({ type: "after", minutes: 60 }, { anchorAt: 0, previousAt }, NIGHT))).toBe("2026-04-04 09:00");
  });
});

describe("scenario steps", () => {
  const step = (id: string, extra: object = {}) => ({
    id,
    delay: { type: "after", minutes: 0 },
    actions: [{ type: "addTag", tag: "x" }],
    ...extra,
  });

  it("refuses duplicate step IDs and branches that go backwards", () => {
    expect(ScenarioStepsSchema.safeParse([step("a"), step("a")]).success).toBe(false);
    const back = step("b", { condition: { tag: "t", is: "present", otherwise: { type: "branch", toStepId: "a" } } });
    expect(ScenarioStepsSchema.safeParse([step("a"), back]).success).toBe(false);
    const forward = step("a", { condition: { tag: "t", is: "present", otherwise: { type: "branch", toStepId: "c" } } });
    expect(ScenarioStepsSchema.safeParse([forward, step("b"), step("c")]).success).toBe(true);
  });

  it("ships templates that are valid scenarios, with and without a coupon", () => {
    for (const template of SCENARIO_TEMPLATES) {
      for (const couponId of [undefined, "coupon-1"]) {
        const input = template.build({ couponId });
        expect(ScenarioStepsSchema.safeParse(input.steps).success).toBe(true);
        const grants = input.steps.flatMap((s) => s.actions).filter((a) => a.type === "grantCoupon");
        expect(grants.length > 0).toBe(couponId !== undefined);
      }
    }
  });
});
