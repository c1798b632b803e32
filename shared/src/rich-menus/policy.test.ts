import { describe, expect, it } from "vitest";
import { evaluatePolicy, explainPolicy, type FriendFacts, type PolicyRule, type RichMenuPolicy, RichMenuPolicySchema } from "./policy.ts";

function facts(overrides: Partial<Omit<FriendFacts, "tagIds">> & { tags?: string[] } = {}): FriendFacts {
  return {
    tagIds: new Set(overrides.tags ?? []),
    rankId: overrides.rankId ?? null,
    storeId: overrides.storeId ?? null,
    linked: overrides.linked ?? false,
  };
}

function rule(id: string, menuId: string, conditions: Partial<PolicyRule["conditions"]> = {}, enabled = true): PolicyRule {
  return {
    id,
    name: id,
    enabled,
    menuId,
    conditions: { tags: { all: [], any: [], none: [] }, ranks: [], stores: [], linked: null, ...conditions },
  };
}

const policy: RichMenuPolicy = {
  rules: [
    rule("gold-shibuya", "menu-gold-shibuya", { ranks: ["gold"], stores: ["shibuya"] }),
    rule("unlinked", "menu-link-please", { linked: false }),
    rule("vip-tag", "menu-vip", { tags: { all: ["vip"], any: [], none: ["blocked-offers"] } }),
    rule("coffee-lover", "menu-coffee", { tags: { all: [], any: ["drip", "beans"], none: [] } }),
  ],
  defaultMenuId: "menu-default",
};

describe("rich-menu policy", () => {
  it("gives the menu of the first rule whose conditions all hold, even when later rules match too", () => {
    const friend = facts({ rankId: "gold", storeId: "shibuya", linked: false, tags: ["vip"] });
    expect(evaluatePolicy(policy, friend)).toEqual({ menuId: "menu-gold-shibuya", ruleId: "gold-shibuya" });
  });

  it("falls through to later rules when an earlier one fails on one condition", () => {
    // Gold but at another store: the first rule fails on store; linked, so "unlinked" fails too.
    const friend = facts({ rankId: "gold", storeId: "yokohama", linked: true, tags: ["vip"] });
    expect(evaluatePolicy(policy, friend)).toEqual({ menuId: "menu-vip", ruleId: "vip-tag" });
  });

  it("applies tag all / any / none", () => {
    expect(evaluatePolicy(policy, facts({ linked: true, tags: ["vip", "blocked-offers", "beans"] })).ruleId).toBe("coffee-lover");
    expect(evaluatePolicy(policy, facts({ linked: true, tags: ["drip"] })).ruleId).toBe("coffee-lover");
    expect(evaluatePolicy(policy, facts({ linked: true, tags: ["sweets"] })).ruleId).toBeNull();
  });

  it("gives the default menu, with no rule, when nothing matches", () => {
    expect(evaluatePolicy(policy, facts({ linked: true }))).toEqual({ menuId: "menu-default", ruleId: null });
    expect(evaluatePolicy({ ...policy, defaultMenuId: null }, facts({ linked: true }))).toEqual({ menuId: null, ruleId: null });
  });

  it("skips disabled rules", () => {
    const withDisabled = { ...policy, rules: [rule("off", "menu-off", {}, false), ...policy.rules] };
    expect(evaluatePolicy(withDisabled, facts({ linked: true })).ruleId).toBeNull();
  });

  it("does not match a rank or store condition for a friend who has none", () => {
    const onlyRank = { rules: [rule("r", "m", { ranks: ["gold"] }), rule("s", "n", { stores: ["shibuya"] })], defaultMenuId: null };
    expect(evaluatePolicy(onlyRank, facts())).toEqual({ menuId: null, ruleId: null });
  });

  it("is pure: the same input gives the same answer and neither the policy nor the facts are changed", () => {
    const frozenPolicy = structuredClone(policy);
    const friend = facts({ rankId: "gold", storeId: "shibuya", tags: ["vip"] });
    const first = evaluatePolicy(policy, friend);
    for (let i = 0; i < 5; i++) expect(evaluatePolicy(policy, friend)).toEqual(first);
    expect(policy).toEqual(frozenPolicy);
    expect([...friend.tagIds]).toEqual(["vip"]);
  });

  it("explains which rule chose the menu and why the earlier ones did not", () => {
    const { decision, rules } = explainPolicy(policy, facts({ rankId: "silver", storeId: "shibuya", linked: true, tags: ["beans"] }));
    expect(decision.ruleId).toBe("coffee-lover");
    expect(rules.map((r) => [r.ruleId, r.failed, r.chosen])).toEqual([
      ["gold-shibuya", "ranks", false],
      ["unlinked", "linked", false],
      ["vip-tag", "tags.all", false],
      ["coffee-lover", null, true],
    ]);
  });

  it("fills omitted conditions with 'any' when parsing a saved policy", () => {
    const parsed = RichMenuPolicySchema.parse({ rules: [{ id: "a", name: "A", menuId: "m", conditions: {} }], defaultMenuId: null });
    expect(parsed.rules[0]?.conditions).toEqual({ tags: { all: [], any: [], none: [] }, ranks: [], stores: [], linked: null });
    expect(evaluatePolicy(parsed, facts()).ruleId).toBe("a");
  });
});
