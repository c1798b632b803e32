import { describe, expect, it } from "vitest";
import { generateLinkCode, LINK_CODE_PATTERN, TrackedLinkInputSchema } from "./link.schema.ts";
import { buildTrackedLinkUrl, deriveLinkKey, signLinkUser, verifyLinkUser } from "./signature.ts";

const USER = `U${"a1".repeat(16)}`;
const OTHER = `U${"b2".repeat(16)}`;

describe("tracked link attribution", () => {
  it("attributes a click to the user its signature was made for", async () => {
    const key = await deriveLinkKey("secret");
    const url = await buildTrackedLinkUrl("https://shop.example/", key, "spring", USER);
    const u = new URL(url).searchParams.get("u");
    expect(url.startsWith("https://shop.example/r/spring?u=")).toBe(true);
    expect(await verifyLinkUser(key, "spring", u)).toBe(USER);
  });

  it("refuses a signature moved to another user, another link or made with another secret", async () => {
    const key = await deriveLinkKey("secret");
    const sig = await signLinkUser(key, "spring", USER);
    expect(await verifyLinkUser(key, "spring", `${OTHER}.${sig}`)).toBeNull();
    expect(await verifyLinkUser(key, "summer", `${USER}.${sig}`)).toBeNull();
    expect(await verifyLinkUser(await deriveLinkKey("other"), "spring", `${USER}.${sig}`)).toBeNull();
  });

  it("refuses missing and malformed parameters without throwing", async () => {
    const key = await deriveLinkKey("secret");
    for (const u of [null, "", USER, `${USER}.`, `${USER}.!!!`, `not-a-user.${"A".repeat(43)}`, "x".repeat(500)])
      expect(await verifyLinkUser(key, "spring", u)).toBeNull();
  });

  it("leaves the URL anonymous when no user is given", async () => {
    expect(await buildTrackedLinkUrl("https://shop.example", await deriveLinkKey("s"), "spring")).toBe("https://shop.example/r/spring");
  });
});

describe("tracked link input", () => {
  it("accepts http and https destinations only", () => {
    const parse = (destination: string) => TrackedLinkInputSchema.safeParse({ name: "n", destination }).success;
    expect(parse("https://example.com/a?b=c")).toBe(true);
    expect(parse("http://example.com")).toBe(true);
    expect(parse("javascript:alert(1)")).toBe(false);
    expect(parse("data:text/html,hi")).toBe(false);
    expect(parse("ftp://example.com")).toBe(false);
    expect(parse("example.com")).toBe(false);
  });

  it("refuses codes that are not short and URL-safe", () => {
    const parse = (code: string) => TrackedLinkInputSchema.safeParse({ name: "n", destination: "https://e.com", code }).success;
    expect(parse("spring-2026")).toBe(true);
    expect(parse("a/b")).toBe(false);
    expect(parse("ab")).toBe(false);
    expect(parse("日本語")).toBe(false);
  });

  it("generates codes that are valid and differ", () => {
    const codes = new Set(Array.from({ length: 50 }, () => generateLinkCode()));
    expect(codes.size).toBe(50);
    for (const c of codes) expect(c).toMatch(LINK_CODE_PATTERN);
  });
});
