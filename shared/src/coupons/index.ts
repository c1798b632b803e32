export * from "./code.ts";
export * from "./schema.ts";
export * from "./validity.ts";
