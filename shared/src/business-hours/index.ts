export * from "./hours.ts";
export * from "./schema.ts";
