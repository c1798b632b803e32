import { z } from "zod";

/**
 * The rich-menu policy: ordered rules, the first whose conditions all hold names the friend's menu; no match
 * → the default. A pure function of the policy and the friend's facts, so the admin's "why this menu", the
 * per-friend recompute and the bulk reconcile all give the same answer, and it runs in unit tests on Node.
 */
const idList = z.array(z.string().min(1).max(64)).max(100).default([]);

export const PolicyConditionsSchema = z.object({
  /** Tag IDs: the friend has every `all`, at least one of `any` (when not empty) and none of `none`. */
  tags: z.object({ all: idList, any: idList, none: idList }).default({ all: [], any: [], none: [] }),
  /** Rank IDs: the friend's rank is one of these (empty = any rank, or none). */
  ranks: idList,
  /** Store IDs: the friend's store is one of these (empty = any store, or none). */
  stores: idList,
  /** Linked to a shop membership (true), not linked (false), either (null). */
  linked: z.boolean().nullable().default(null),
});
export type PolicyConditions = z.infer<typeof PolicyConditionsSchema>;

export const PolicyRuleSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, "Rule name is empty / ルール名を入力してください").max(100),
  enabled: z.boolean().default(true),
  conditions: PolicyConditionsSchema,
  menuId: z.string().min(1, "Choose a menu / メニューを選んでください"),
});
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

export const RichMenuPolicySchema = z.object({
  rules: z.array(PolicyRuleSchema).max(100, "Up to 100 rules / ルールは100件までです"),
  defaultMenuId: z.string().min(1).nullable(),
});
export type RichMenuPolicy = z.infer<typeof RichMenuPolicySchema>;

/** What the policy may look at. `tagIds` is a Set: the reconcile evaluates it for every friend. */
export interface FriendFacts {
  tagIds: ReadonlySet<string>;
  rankId: string | null;
  storeId: string | null;
  linked: boolean;
}

export interface PolicyDecision {
  /** Our menu ID; null when no rule matched and there is no default (the friend sees no menu). */
  menuId: string | null;
  /** The rule that chose it; null = the default. */
  ruleId: string | null;
}

export type ConditionName = "tags.all" | "tags.any" | "tags.none" | "ranks" | "stores" | "linked";

/** The first condition of `rule` the friend fails, or null when the rule matches. */
export function firstFailedCondition(conditions: PolicyConditions, facts: FriendFacts): ConditionName | null {
  const { tags } = conditions;
  for (const id of tags.all) if (!facts.tagIds.has(id)) return "tags.all";
  if (tags.any.length > 0 && !tags.any.some((id) => facts.tagIds.has(id))) return "tags.any";
  for (const id of tags.none) if (facts.tagIds.has(id)) return "tags.none";
  if (conditions.ranks.length > 0 && (facts.rankId === null || !conditions.ranks.includes(facts.rankId))) return "ranks";
  if (conditions.stores.length > 0 && (facts.storeId === null || !conditions.stores.includes(facts.storeId))) return "stores";
  if (conditions.linked !== null && conditions.linked !== facts.linked) return "linked";
  return null;
}

export function evaluatePolicy(policy: RichMenuPolicy, facts: FriendFacts): PolicyDecision {
  for (const rule of policy.rules) {
    if (rule.enabled && firstFailedCondition(rule.conditions, facts) === null) return { menuId: rule.menuId, ruleId: rule.id };
  }
  return { menuId: policy.defaultMenuId, ruleId: null };
}

export interface RuleExplanation {
  ruleId: string;
  name: string;
  menuId: string;
  enabled: boolean;
  /** null = matched; otherwise the condition that ruled it out. */
  failed: ConditionName | null;
  /** This rule decided (the first enabled match). */
  chosen: boolean;
}

/** Every rule with why it did or did not apply: the admin's "which rule chose this menu". */
export function explainPolicy(policy: RichMenuPolicy, facts: FriendFacts): { decision: PolicyDecision; rules: RuleExplanation[] } {
  const decision = evaluatePolicy(policy, facts);
  const rules = policy.rules.map((rule) => ({
    ruleId: rule.id,
    name: rule.name,
    menuId: rule.menuId,
    enabled: rule.enabled,
    failed: firstFailedCondition(rule.conditions, facts),
    chosen: rule.id === decision.ruleId,
  }));
  return { decision, rules };
}

/** Menu IDs the policy can hand out: each must be published before the policy may use it. */
export function menusUsedBy(policy: RichMenuPolicy): Set<string> {
  const ids = new Set(policy.rules.map((r) => r.menuId));
  if (policy.defaultMenuId) ids.add(policy.defaultMenuId);
  return ids;
}

/** Tag, rank and store IDs named anywhere in the policy, to refuse deleting what a rule relies on. */
export function idsReferencedBy(policy: RichMenuPolicy): { tags: Set<string>; ranks: Set<string>; stores: Set<string> } {
  const tags = new Set<string>();
  const ranks = new Set<string>();
  const stores = new Set<string>();
  for (const { conditions: c } of policy.rules) {
    for (const id of [...c.tags.all, ...c.tags.any, ...c.tags.none]) tags.add(id);
    for (const id of c.ranks) ranks.add(id);
    for (const id of c.stores) stores.add(id);
  }
  return { tags, ranks, stores };
}

/** Rule IDs must be unique: they are what "which rule chose this menu" points at. */
export function policyIssues(policy: RichMenuPolicy): { path: string; message: string }[] {
  const seen = new Set<string>();
  const issues: { path: string; message: string }[] = [];
  policy.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) issues.push({ path: `rules.${i}.id`, message: `Duplicate rule id ${rule.id} / ルールIDが重複しています` });
    seen.add(rule.id);
  });
  return issues;
}
