export * from "./broadcast.schema.ts";
export * from "./estimate.ts";
export * from "./personalise.ts";
export * from "./quiet-hours.ts";
