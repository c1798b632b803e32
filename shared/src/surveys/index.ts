export * from "./branching.ts";
export * from "./results.ts";
export * from "./schema.ts";
