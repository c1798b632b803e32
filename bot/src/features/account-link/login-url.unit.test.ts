import { describe, expect, it } from "vitest";
import type { Config } from "../../config.ts";
import { loginPageUrl } from "./account-link-flow.service.ts";

const config = (over: Partial<Config>) => ({ config: { appBaseUrl: "", shopLoginUrl: "", ...over } as Config });

describe("the login link of LINE's account-link flow", () => {
  it("sends customers to the shop's own website when SHOP_LOGIN_URL is set, keeping its query", () => {
    const url = loginPageUrl(
      config({ appBaseUrl: "https://crm.example", shopLoginUrl: "https://shop.example/line/login?from=line" }),
      "lt/1+2",
    );
    expect(url).toBe("https://shop.example/line/login?from=line&linkToken=lt%2F1%2B2");
  });

  it("falls back to the built-in demo page, and to nothing without a public URL", () => {
    expect(loginPageUrl(config({ appBaseUrl: "https://crm.example" }), "abc")).toBe("https://crm.example/link/login?linkToken=abc");
    expect(loginPageUrl(config({}), "abc")).toBeNull();
  });
});
