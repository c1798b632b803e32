export * from "./api.ts";
export * from "./errors.ts";
export * from "./line-ids.ts";
export * from "./postback.ts";
export * from "./roles.ts";
