/**
 * Rich-menu policy benchmark (issue 5, goal: policy evaluation per friend ≤ 0.1 ms), part of `pnpm bench`;
 * alone:  node --experimental-strip-types test/bench/policy.ts
 * A 30-rule policy whose rules mix every condition kind, and 200,000 synthetic friends (0–12 tags each, a
 * rank, a store, linked or not) built so that most fall through every rule to the default: the worst case,
 * since each friend is then checked against all 30 rules. Prints the mean per friend, the p99 of 1,000-friend
 * pages (one reconcile page), and the decisions' spread; exits 1 when the goal is missed.
 */
import { evaluatePolicy, type FriendFacts, type PolicyRule, type RichMenuPolicy } from "../../shared/src/rich-menus/policy.ts";

const GOAL_MS = 0.1;
const FRIENDS = 200_000;
const PAGE = 1000;
const TAGS = Array.from({ length: 200 }, (_, i) => `tag-${i}`);
const RANKS = ["regular", "silver", "gold", "platinum"];
const STORES = Array.from({ length: 12 }, (_, i) => `store-${i}`);

/** A small deterministic generator, so runs compare. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rnd = random(20261123);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
const some = (list: readonly string[], n: number) => Array.from({ length: n }, () => pick(list));

function makeRule(i: number): PolicyRule {
  return {
    id: `rule-${i}`,
    name: `rule ${i}`,
    enabled: i % 7 !== 6,
    menuId: `menu-${i % 8}`,
    conditions: {
      // Rare tags at the end of the tag list: few friends have all of them.
      tags: { all: some(TAGS.slice(150), 1 + (i % 3)), any: i % 2 ? some(TAGS, 4) : [], none: i % 3 ? some(TAGS, 2) : [] },
      ranks: i % 4 === 0 ? [pick(RANKS)] : [],
      stores: i % 5 === 0 ? some(STORES, 3) : [],
      linked: i % 6 === 0 ? true : null,
    },
  };
}

function makeFriend(): FriendFacts {
  return {
    tagIds: new Set(some(TAGS, Math.floor(rnd() * 13))),
    rankId: rnd() < 0.9 ? pick(RANKS) : null,
    storeId: rnd() < 0.8 ? pick(STORES) : null,
    linked: rnd() < 0.4,
  };
}

const policy: RichMenuPolicy = { rules: Array.from({ length: 30 }, (_, i) => makeRule(i)), defaultMenuId: "menu-default" };
const friends = Array.from({ length: FRIENDS }, makeFriend);

// Warm-up: let the JIT compile the evaluator before measuring.
for (let i = 0; i < 20_000; i++) evaluatePolicy(policy, friends[i % FRIENDS] as FriendFacts);

const pageMs: number[] = [];
const chosen = new Map<string, number>();
const started = performance.now();
for (let page = 0; page < FRIENDS; page += PAGE) {
  const t0 = performance.now();
  for (let i = page; i < page + PAGE; i++) {
    const { ruleId } = evaluatePolicy(policy, friends[i] as FriendFacts);
    const key = ruleId ?? "default";
    chosen.set(key, (chosen.get(key) ?? 0) + 1);
  }
  pageMs.push(performance.now() - t0);
}
const totalMs = performance.now() - started;
const perFriendMs = totalMs / FRIENDS;
pageMs.sort((a, b) => a - b);
const p99PageMs = pageMs[Math.floor(pageMs.length * 0.99)] ?? 0;
const toDefault = ((chosen.get("default") ?? 0) / FRIENDS) * 100;

console.log(`policy: ${policy.rules.length} rules, ${FRIENDS.toLocaleString("en")} friends, Node ${process.version}`);
console.log(`  mean per friend: ${(perFriendMs * 1000).toFixed(2)} µs (goal ≤ ${GOAL_MS * 1000} µs)`);
console.log(
  `  ${PAGE}-friend page (one reconcile page): p50 ${(pageMs[pageMs.length >> 1] ?? 0).toFixed(2)} ms, p99 ${p99PageMs.toFixed(2)} ms`,
);
console.log(`  ${toDefault.toFixed(1)}% of friends checked against every rule and given the default (worst case)`);
if (perFriendMs > GOAL_MS) {
  console.log(`  ✗ over the goal of ${GOAL_MS} ms per friend`);
  process.exit(1);
}
console.log("  ✓ within the goal");
