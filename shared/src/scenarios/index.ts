export * from "./scenario.schema.ts";
export * from "./templates.ts";
export * from "./timing.ts";
