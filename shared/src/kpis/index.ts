export * from "./days.ts";
export * from "./report.ts";
export * from "./rfm.ts";
