export * from "./link.schema.ts";
export * from "./signature.ts";
