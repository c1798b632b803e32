export * from "./account-link/account-link.schema.ts";
export * from "./api.ts";
export * from "./business-hours/index.ts";
export * from "./card-code/index.ts";
export * from "./coupons/index.ts";
export * from "./errors.ts";
export * from "./line-ids.ts";
export * from "./postback.ts";
export * from "./rich-menus/index.ts";
export * from "./roles.ts";
// Segment types only (no runtime code, so the customer bundle stays as it is); values: "@enishi/shared/segments/index".
export type * from "./segments/index.ts";
export * from "./surveys/index.ts";
export * from "./takeover/index.ts";
