export * from "./compile.ts";
export * from "./segment.schema.ts";
