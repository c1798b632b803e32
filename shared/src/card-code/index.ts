export * from "./card-code.ts";
export * from "./refusals.ts";
