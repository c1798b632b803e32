export * from "./parse.ts";
export * from "./write.ts";
