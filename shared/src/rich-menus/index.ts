export * from "./image.ts";
export * from "./policy.ts";
export * from "./schema.ts";
